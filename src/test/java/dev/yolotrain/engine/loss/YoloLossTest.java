package dev.yolotrain.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class YoloLossTest {

    private static NDArray anchors(NDManager m) {
        return m.create(new float[] {
            1.25f, 1.625f, 2, 3.75f, 4.125f, 2.875f,
            1.875f, 3.8125f, 3.875f, 2.8125f, 3.6875f, 7.4375f,
            3.625f, 2.8125f, 4.875f, 6.1875f, 11.65625f, 10.1875f}, new Shape(3, 3, 2));
    }

    private static NDList maps(NDManager m, int nc) {
        NDList l = new NDList();
        for (long[] g : new long[][] {{8, 8}, {4, 4}, {2, 2}}) {
            NDArray p = m.randomNormal(new Shape(2, 3, g[0], g[1], 5 + nc));
            p.setRequiresGradient(true);
            l.add(p);
        }
        return l;
    }

    @Test
    void noTargetsLeaveOnlyObjectness() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList p = maps(m, 2);
            YoloLoss loss = YoloLoss.forTraining(LossHyp.scratchLow(), 2, 64, anchors(m));
            float[] c;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossResult r = loss.compute(p, m.zeros(new Shape(0, 6)));
                c = r.componentValues();
                gc.backward(r.total());
            }
            assertEquals(0f, c[0]);
            assertEquals(0f, c[2]);
            assertTrue(c[1] > 0);
            // objectness logits get a gradient, box/class channels none
            NDArray g = p.get(0).getGradient();
            assertTrue(g.get("..., 4").abs().sum().getFloat() > 0);
            assertEquals(0f, g.get("..., 0:4").abs().sum().getFloat());
        }
    }

    @Test
    void gradientReachesAssignedCellsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList p = maps(m, 2);
            YoloLoss loss = YoloLoss.forTraining(LossHyp.scratchLow(), 2, 64, anchors(m));
            // one 16×16 px box centred in cell (3, 3) of the 8×8 level (image 64×64, stride 8)
            NDArray targets = m.create(new float[] {1, 1, 28f / 64, 28f / 64, 16f / 64, 16f / 64}, new Shape(1, 6));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.compute(p, targets).total());
            }
            NDArray g = p.get(0).getGradient();
            assertEquals(0f, g.get("0, :, :, :, 0:4").abs().sum().getFloat(), "image 0 has no targets");
            assertTrue(g.get("1, :, 3, 3, 0:4").abs().sum().getFloat() > 0);
            assertTrue(g.get("1, :, 3, 3, 5:").abs().sum().getFloat() > 0);
        }
    }

    @Test
    void rejectsWrongShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            YoloLoss loss = YoloLoss.forTraining(LossHyp.scratchLow(), 3, 64, anchors(m));
            assertThrows(IllegalArgumentException.class, () -> loss.compute(maps(m, 2), m.zeros(new Shape(0, 6))));
            assertThrows(IllegalArgumentException.class, () -> new YoloLoss(LossHyp.scratchLow(), 3, m.zeros(new Shape(3, 6))));
        }
    }
}
