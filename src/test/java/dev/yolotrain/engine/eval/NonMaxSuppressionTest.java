package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    private static final NonMaxSuppression DEFAULT = NonMaxSuppression.builder().build();

    /** Rows of (cx, cy, w, h, obj, cls0, cls1), flattened. */
    private static float[] rows(float[]... rows) {
        float[] out = new float[rows.length * 7];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * 7, 7);
        }
        return out;
    }

    private static float[] row(float cx, float cy, float w, float h, float obj, float c0, float c1) {
        return new float[] {cx, cy, w, h, obj, c0, c1};
    }

    @Test
    void convertsXywhToXyxyAndScoresObjTimesCls() {
        List<Detection> d = DEFAULT.apply(rows(row(50, 40, 20, 10, 0.8f, 0.5f, 0f)), 2);
        assertEquals(1, d.size());
        assertEquals(new Detection(40, 35, 60, 45, 0.8f * 0.5f, 0), d.get(0));
    }

    @Test
    void suppressesOverlappingBoxOfSameClass() {
        // IoU = 380 / 420 = 0.905 > 0.6
        List<Detection> d = DEFAULT.apply(rows(row(51, 50, 20, 20, 0.8f, 1, 0), row(50, 50, 20, 20, 0.9f, 1, 0)), 2);
        assertEquals(1, d.size());
        assertEquals(0.9, d.get(0).conf(), 1e-6);
        assertEquals(40, d.get(0).x1(), 0);
    }

    @Test
    void keepsOverlappingBoxesOfDifferentClassesUnlessAgnostic() {
        float[] out = rows(row(50, 50, 20, 20, 0.9f, 1, 0), row(51, 50, 20, 20, 0.8f, 0, 1));
        assertEquals(2, DEFAULT.apply(out, 2).size());
        assertEquals(1, NonMaxSuppression.builder().optAgnostic(true).build().apply(out, 2).size());
    }

    @Test
    void keepsBoxesBelowTheIouThreshold() {
        // IoU = 200 / 600 = 1/3
        List<Detection> d = DEFAULT.apply(rows(row(50, 50, 20, 20, 0.9f, 1, 0), row(60, 50, 20, 20, 0.8f, 1, 0)), 2);
        assertEquals(2, d.size());
    }

    @Test
    void dropsLowObjectnessAndLowScores() {
        float[] out = rows(row(50, 50, 20, 20, 0.0009f, 1, 1), row(200, 50, 20, 20, 0.01f, 0.05f, 0.05f));
        assertEquals(0, DEFAULT.apply(out, 2).size());
    }

    @Test
    void multiLabelGivesOneDetectionPerClassAboveThreshold() {
        float[] out = rows(row(50, 50, 20, 20, 1f, 0.9f, 0.5f));
        List<Detection> multi = DEFAULT.apply(out, 2);
        assertEquals(2, multi.size());
        assertEquals(0, multi.get(0).cls());
        assertEquals(1, multi.get(1).cls());
        List<Detection> single = NonMaxSuppression.builder().optMultiLabel(false).build().apply(out, 2);
        assertEquals(1, single.size());
        assertEquals(0.9, single.get(0).conf(), 1e-6);
    }

    @Test
    void sortsByConfidenceAndCapsAtMaxDetAndMaxNms() {
        float[] out = rows(
                row(10, 10, 5, 5, 0.2f, 1, 0), row(100, 10, 5, 5, 0.9f, 1, 0), row(200, 10, 5, 5, 0.5f, 1, 0),
                row(300, 10, 5, 5, 0.7f, 1, 0));
        List<Detection> all = DEFAULT.apply(out, 2);
        assertEquals(List.of(0.9f, 0.7f, 0.5f, 0.2f), all.stream().map(d -> (float) d.conf()).toList());
        List<Detection> two = NonMaxSuppression.builder().optMaxDet(2).build().apply(out, 2);
        assertEquals(2, two.size());
        assertEquals(100 - 2.5, two.get(0).x1(), 0);
        assertEquals(3, NonMaxSuppression.builder().optMaxNms(3).build().apply(out, 2).size());
    }

    @Test
    void emptyOutputGivesNoDetections() {
        assertEquals(0, DEFAULT.apply(new float[0], 2).size());
    }

    @Test
    void rejectsALengthThatIsNotAMultipleOfTheRow() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.apply(new float[8], 2));
    }
}
