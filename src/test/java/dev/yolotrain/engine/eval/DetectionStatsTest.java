package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionStatsTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void perfectSingleDetectionScores0995AndFitness() {
        DetectionStats s = new DetectionStats();
        s.add(List.of(new GroundTruth(1, 0, 0, 10, 10)), List.of(new Detection(0, 0, 10, 10, 0.9, 1)));
        s.add(List.of(), List.of());
        DetectionMetrics m = s.compute(NAMES);
        assertEquals(2, m.images());
        assertEquals(1, m.instances());
        assertEquals(1, m.classes().size());
        ClassMetrics b = m.classes().get(0);
        assertEquals(1, b.id());
        assertEquals("b", b.name());
        assertEquals(1, b.images());
        assertEquals(0.995, b.map50(), 1e-12);
        assertEquals(0.995, m.map50to95(), 1e-12);
        assertEquals(1.0, m.precision(), 1e-12);
        assertEquals(0.995, m.fitness(), 1e-12);
    }

    @Test
    void nothingCorrectGivesZerosButListsClassesWithGroundTruth() {
        DetectionStats s = new DetectionStats();
        s.add(List.of(new GroundTruth(0, 0, 0, 10, 10), new GroundTruth(2, 0, 0, 10, 10)),
                List.of(new Detection(50, 50, 60, 60, 0.9, 0)));
        DetectionMetrics m = s.compute(NAMES);
        assertEquals(2, m.classes().size());
        assertEquals(0.0, m.precision());
        assertEquals(0.0, m.map50());
        assertEquals(0.0, m.classes().get(0).fpAtMaxF1());
    }

    @Test
    void noImagesGivesNoClasses() {
        DetectionMetrics m = new DetectionStats().compute(NAMES);
        assertEquals(0, m.classes().size());
        assertEquals(0.0, m.map50to95());
    }

    @Test
    void countsImagesPerClassOncePerImage() {
        DetectionStats s = new DetectionStats();
        s.add(List.of(new GroundTruth(0, 0, 0, 1, 1), new GroundTruth(0, 2, 2, 3, 3)), List.of());
        s.add(List.of(new GroundTruth(0, 0, 0, 1, 1)), List.of(new Detection(0, 0, 1, 1, 0.5, 0)));
        ClassMetrics a = s.compute(NAMES).classes().get(0);
        assertEquals(2, a.images());
        assertEquals(3, a.instances());
    }

    @Test
    void rejectsMismatchedArraysAndNegativeClasses() {
        DetectionStats s = new DetectionStats();
        assertThrows(IllegalArgumentException.class,
                () -> s.add(new boolean[1][10], new double[2], new int[2], new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> s.add(new boolean[0][10], new double[0], new int[0], new int[] {-1}));
    }
}
