package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values computed with NumPy from the published description of YOLOv5's metrics. */
class ApPerClassTest {

    @Test
    void perfectCurveGives0995() {
        assertEquals(0.995, ApPerClass.computeAp(new double[] {0.5, 1.0}, new double[] {1.0, 1.0}), 1e-12);
    }

    @Test
    void halfRecallAtFullPrecisionGivesThreeQuarters() {
        // envelope 1 up to recall 0.5, then the sentinel's line down to (1, 0)
        assertEquals(0.75, ApPerClass.computeAp(new double[] {0.5}, new double[] {1.0}), 1e-12);
    }

    @Test
    void precisionEnvelopeIsTheRunningMaximumFromTheRight() {
        assertEquals(0.8283333333333331,
                ApPerClass.computeAp(new double[] {0.5, 0.5, 1.0}, new double[] {1.0, 0.5, 2.0 / 3}), 1e-12);
        assertEquals(0.675,
                ApPerClass.computeAp(new double[] {0.25, 0.5, 0.75}, new double[] {1.0, 0.5, 0.6}), 1e-12);
        assertEquals(0.36667999999999995, ApPerClass.computeAp(new double[] {1.0 / 3}, new double[] {0.4}), 1e-12);
    }

    @Test
    void emptyCurveIsJustTheSentinelLine() {
        // never used for scoring: a class without predictions gets AP 0 without calling computeAp
        assertEquals(0.5, ApPerClass.computeAp(new double[0], new double[0]), 1e-12);
    }

    @Test
    void tinyTwoThresholdCase() {
        // class 0: 4 GT, 5 preds; class 1: 1 GT, no preds; class 2: a pred but no GT (ignored)
        boolean[][] tp = {{true, true}, {false, false}, {true, false}, {true, true}, {false, false}, {true, true}};
        double[] conf = {0.9, 0.8, 0.7, 0.95, 0.3, 0.6};
        int[] pc = {0, 0, 0, 2, 0, 0};
        int[] tc = {0, 0, 0, 0, 1};
        ApPerClass.Result r = ApPerClass.compute(tp, conf, pc, tc);
        assertArrayEquals(new int[] {0, 1}, r.classes());
        assertArrayEquals(new int[] {4, 1}, r.instances());
        assertEquals(562, r.maxF1Index());
        assertArrayEquals(new double[] {0.6980000000000001, 0.472}, r.ap()[0], 1e-12);
        assertArrayEquals(new double[] {0, 0}, r.ap()[1], 0);
        assertArrayEquals(new double[] {0.7312812812812812, 0}, r.precision(), 1e-12);
        assertArrayEquals(new double[] {0.75, 0}, r.recall(), 1e-12);
        assertArrayEquals(new double[] {0.7405223678875524, 0}, r.f1(), 1e-12);
        assertArrayEquals(new double[] {3, 0}, r.tp(), 0);
        assertArrayEquals(new double[] {1, 0}, r.fp(), 0);
        assertEquals(1000, r.confidences().length);
        assertEquals(1000, r.f1Curve()[0].length);
    }
}
