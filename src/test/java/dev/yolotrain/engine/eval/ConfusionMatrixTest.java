package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static Detection det(double x1, double x2, double conf, int cls) {
        return new Detection(x1, 0, x2, 100, conf, cls);
    }

    private static GroundTruth gt(int cls, double x1, double x2) {
        return new GroundTruth(cls, x1, 0, x2, 100);
    }

    @Test
    void countsCorrectConfusedMissedAndFalseAlarms() {
        ConfusionMatrix cm = new ConfusionMatrix(2);
        cm.processBatch(
                List.of(det(0, 100, 0.9, 0), det(200, 300, 0.8, 0), det(500, 600, 0.7, 1), det(0, 95, 0.6, 0)),
                List.of(gt(0, 0, 100), gt(1, 200, 300), gt(1, 800, 900)));
        double[][] m = cm.matrix();
        // [pred][true], background last
        assertArrayEquals(new double[] {1, 1, 1}, m[0]); // correct; banana called apple; duplicate apple → FP
        assertArrayEquals(new double[] {0, 0, 1}, m[1]); // class-1 detection on nothing
        assertArrayEquals(new double[] {0, 1, 0}, m[2]); // missed class-1 object
        assertArrayEquals(new double[] {1, 0}, cm.truePositives(), 0);
        assertArrayEquals(new double[] {2, 1}, cm.falsePositives(), 0);
    }

    @Test
    void ignoresDetectionsAtOrBelowConfAndPairsOnlyAboveIou() {
        ConfusionMatrix cm = new ConfusionMatrix(1);
        // conf 0.25 is not above 0.25; IoU 45/100 is not above 0.45
        cm.processBatch(List.of(det(0, 100, 0.25, 0), det(0, 45, 0.9, 0)), List.of(gt(0, 0, 100)));
        assertArrayEquals(new double[] {0, 1}, cm.matrix()[0]);
        assertArrayEquals(new double[] {1, 0}, cm.matrix()[1]);
    }

    @Test
    void eachGroundTruthTakesItsBestIouDetection() {
        ConfusionMatrix cm = new ConfusionMatrix(2);
        cm.processBatch(List.of(det(0, 80, 0.9, 1), det(0, 98, 0.5, 0)), List.of(gt(0, 0, 100)));
        double[][] m = cm.matrix();
        assertEquals(1, m[0][0]); // the IoU-0.98 detection, though less confident
        assertEquals(1, m[1][2]); // the other one is a false alarm
    }

    @Test
    void imageWithoutGroundTruthCountsFalseAlarms() {
        ConfusionMatrix cm = new ConfusionMatrix(1);
        cm.processBatch(List.of(det(0, 100, 0.9, 0)), List.of());
        assertEquals(1, cm.matrix()[0][1]);
    }

    @Test
    void normalizedColumnsSumToOne() {
        ConfusionMatrix cm = new ConfusionMatrix(1);
        cm.processBatch(List.of(det(0, 100, 0.9, 0)), List.of(gt(0, 0, 100), gt(0, 300, 400)));
        double[][] n = cm.normalized();
        assertEquals(0.5, n[0][0], 1e-6);
        assertEquals(0.5, n[1][0], 1e-6);
    }
}
