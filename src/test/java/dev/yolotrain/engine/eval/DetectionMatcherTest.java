package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMatcherTest {

    private static final boolean T = true;
    private static final boolean F = false;

    private static Detection pred(double x1, double x2, double conf, int cls) {
        return new Detection(x1, 0, x2, 100, conf, cls);
    }

    private static GroundTruth gt(int cls, double x1, double x2) {
        return new GroundTruth(cls, x1, 0, x2, 100);
    }

    @Test
    void duplicatePredictionsOnlyOneCountsAndTheThresholdDecidesWhich() {
        // the map-cases 'dup' image: IoU 0.720 (conf 0.9), 0.880 (0.8), 0.613 (0.3), listed ascending
        List<GroundTruth> g = List.of(new GroundTruth(0, 100, 100, 200, 200));
        List<Detection> p = List.of(
                new Detection(124, 100, 224, 200, 0.3, 0),
                new Detection(106.375, 100, 206.375, 200, 0.8, 0),
                new Detection(116.25, 100, 216.25, 200, 0.9, 0));
        boolean[][] c = DetectionMatcher.match(g, p);
        assertArrayEquals(new boolean[] {F, F, F, F, F, F, F, F, F, F}, c[0]);
        assertArrayEquals(new boolean[] {F, F, F, F, F, T, T, T, F, F}, c[1]);
        assertArrayEquals(new boolean[] {T, T, T, T, T, F, F, F, F, F}, c[2]);
    }

    @Test
    void predictionWhoseBestGroundTruthIsTakenIsNotRematched() {
        // two overlapping ground truths; both predictions' best is gt 0; the less confident one
        // overlaps gt 1 with IoU 0.695 too, but YOLOv5 counts it as a false positive
        List<GroundTruth> g = List.of(gt(1, 300, 400), gt(1, 330, 430));
        List<Detection> p = List.of(pred(312, 412, 0.85, 1), pred(302, 402, 0.95, 1));
        boolean[][] c = DetectionMatcher.match(g, p);
        assertFalse(c[0][0], "less confident prediction is FP");
        assertTrue(c[1][0], "most confident prediction is TP");
    }

    @Test
    void classMustAgree() {
        boolean[][] c = DetectionMatcher.match(List.of(gt(0, 0, 100)), List.of(pred(0, 100, 0.9, 1)));
        assertFalse(c[0][0]);
    }

    @Test
    void iouEqualToThresholdPasses() {
        List<GroundTruth> g = List.of(gt(0, 0, 100));
        List<Detection> p = List.of(pred(0, 75, 0.9, 0));
        double iou = BoxIoU.iou(g.get(0), p.get(0));
        boolean[][] c = DetectionMatcher.match(g, p, new double[] {Math.nextDown(iou), iou, Math.nextUp(iou)});
        assertArrayEquals(new boolean[] {T, T, F}, c[0]);
    }

    @Test
    void emptyInputs() {
        assertEquals(0, DetectionMatcher.match(List.of(gt(0, 0, 1)), List.of()).length);
        boolean[][] c = DetectionMatcher.match(List.of(), List.of(pred(0, 1, 0.5, 0)));
        assertArrayEquals(new boolean[10], c[0]);
    }

    @Test
    void eachGroundTruthAndPredictionUsedOnce() {
        List<GroundTruth> g = List.of(gt(0, 0, 100), gt(0, 200, 300));
        List<Detection> p = List.of(pred(0, 100, 0.5, 0), pred(200, 300, 0.6, 0), pred(1, 101, 0.4, 0));
        boolean[][] c = DetectionMatcher.match(g, p);
        assertTrue(c[0][9]);
        assertTrue(c[1][9]);
        assertFalse(c[2][0]);
    }

    @Test
    void equalConfidenceKeepsInputOrder() {
        List<GroundTruth> g = List.of(gt(0, 0, 100));
        boolean[][] c = DetectionMatcher.match(g, List.of(pred(0, 90, 0.5, 0), pred(0, 100, 0.5, 0)));
        assertTrue(c[0][0]);
        assertFalse(c[1][0]);
    }
}
