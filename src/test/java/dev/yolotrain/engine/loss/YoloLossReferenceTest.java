package dev.yolotrain.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loss value, components and gradients against YOLOv5 v7.0's ComputeLoss (tools/make_loss_reference.py).
 * Case 1 has several rows writing the same objectness cell; had they resolved in another order
 * (YOLOv5 with sort_obj_iou), grad_p0 would differ by ~1% of its largest value, so the gradient
 * check also pins the write order. Gradients: max |error| ≤ 1e-4 · max |reference| per map.
 */
class YoloLossReferenceTest {
    private static final double REL = 1e-4;
    private static final double ABS = 1e-6;

    @ParameterizedTest
    @ValueSource(strings = {"loss_case1.npz", "loss_case2.npz", "loss_case3_nc1.npz"})
    void matchesYolov5(String file) {
        try (NDManager m = NDManager.newBaseManager()) {
            Reference ref = Reference.load(m, file);
            int nl = ref.meta(0);
            int nc = ref.meta(1);
            int imgsz = ref.meta(2);
            LossHyp scaled = ref.hyp("hyp_raw").scaled(nl, nc, imgsz);
            assertHypEquals(ref.hyp("hyp_scaled"), scaled);

            NDList preds = new NDList();
            for (int i = 0; i < nl; i++) {
                NDArray p = ref.get("p" + i).duplicate();
                p.setRequiresGradient(true);
                preds.add(p);
            }
            YoloLoss loss = YoloLoss.forTraining(ref.hyp("hyp_raw"), nc, imgsz, ref.get("anchors"));
            float total;
            float[] comps;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossResult r = loss.compute(preds, ref.get("targets"));
                total = r.total().toFloatArray()[0];
                comps = r.componentValues();
                gc.backward(r.total());
            }
            float[] refComps = ref.floats("components");
            System.out.printf("%s: total %.8g (ref %.8g) box %.8g/%.8g obj %.8g/%.8g cls %.8g/%.8g%n", file, total,
                    ref.floats("loss")[0], comps[0], refComps[0], comps[1], refComps[1], comps[2], refComps[2]);
            assertClose("total", ref.floats("loss")[0], total);
            for (int k = 0; k < 3; k++) {
                assertClose("component " + k, refComps[k], comps[k]);
            }
            if (nc == 1) {
                assertEquals(0f, comps[2], "nc=1 has no class loss");
            }
            for (int i = 0; i < nl; i++) {
                float[] g = preds.get(i).getGradient().toFloatArray();
                float[] gr = ref.floats("grad_p" + i);
                double maxRef = 0;
                double maxErr = 0;
                for (int k = 0; k < g.length; k++) {
                    maxRef = Math.max(maxRef, Math.abs(gr[k]));
                    maxErr = Math.max(maxErr, Math.abs(g[k] - gr[k]));
                }
                System.out.printf("%s: grad_p%d max |ref| %.3e, max abs err %.3e (rel to max %.3e)%n", file, i, maxRef, maxErr,
                        maxErr / maxRef);
                assertTrue(maxErr <= REL * maxRef, "grad_p" + i + " max error " + maxErr + " vs max " + maxRef);
            }
        }
    }

    private static void assertClose(String what, double expected, double actual) {
        double tol = Math.max(ABS, REL * Math.abs(expected));
        assertEquals(expected, actual, tol, what);
    }

    private static void assertHypEquals(LossHyp expected, LossHyp actual) {
        assertEquals(expected.box(), actual.box(), 1e-7);
        assertEquals(expected.cls(), actual.cls(), 1e-7);
        assertEquals(expected.obj(), actual.obj(), 1e-7);
        assertEquals(expected.clsPw(), actual.clsPw(), 1e-7);
        assertEquals(expected.objPw(), actual.objPw(), 1e-7);
        assertEquals(expected.anchorT(), actual.anchorT(), 1e-7);
        assertEquals(expected.flGamma(), actual.flGamma(), 1e-7);
        assertEquals(expected.labelSmoothing(), actual.labelSmoothing(), 1e-7);
    }
}
