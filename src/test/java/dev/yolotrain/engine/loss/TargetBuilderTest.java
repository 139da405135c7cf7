package dev.yolotrain.engine.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class TargetBuilderTest {

    /**
     * Grid 16×12, anchors 1², 2², 10². Target 0 at (4.8, 3.6) cells, 2×2: anchors 0 and 1, own cell
     * plus right and down neighbours. Target 1 at (8.0, 12.0), 6×6: anchors 1 and 2; on a cell edge in
     * x (left and right neighbours, the right one being its own cell again) and on the bottom border
     * (cell row clamped to 11, up neighbour only). Target 2 is too small for every anchor.
     */
    @Test
    void handMadeAssignment() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray targets = m.create(new float[] {
                0, 1, 0.3f, 0.3f, 2f / 16, 2f / 12,
                1, 0, 0.5f, 1.0f, 6f / 16, 6f / 12,
                1, 2, 0.7f, 0.7f, 0.01f, 0.01f}, new Shape(3, 6));
            NDArray anchors = m.create(new float[] {1, 1, 2, 2, 10, 10}, new Shape(3, 2));
            LevelTargets lt = new TargetBuilder(4.0).build(targets, anchors, 12, 16);
            assertEquals(14, lt.size());
            // rows: own (a0 t0, a1 t0, a1 t1, a2 t1), left (a1 t1, a2 t1), up (a1 t1, a2 t1),
            // right (a0 t0, a1 t0, a1 t1, a2 t1), down (a0 t0, a1 t0)
            assertArrayEquals(new long[] {0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0}, lt.image().toLongArray());
            assertArrayEquals(new long[] {0, 1, 1, 2, 1, 2, 1, 2, 0, 1, 1, 2, 0, 1}, lt.anchor().toLongArray());
            assertArrayEquals(new long[] {1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1}, lt.cls().toLongArray());
            assertArrayEquals(new long[] {3, 3, 11, 11, 11, 11, 11, 11, 3, 3, 11, 11, 4, 4}, lt.gridY().toLongArray());
            assertArrayEquals(new long[] {4, 4, 8, 8, 7, 7, 8, 8, 5, 5, 8, 8, 4, 4}, lt.gridX().toLongArray());
            float[] box = lt.box().toFloatArray();
            float[][] expected = {
                {0.8f, 0.6f, 2, 2}, {0.8f, 0.6f, 2, 2}, {0, 1, 6, 6}, {0, 1, 6, 6},
                {1, 1, 6, 6}, {1, 1, 6, 6}, {0, 1, 6, 6}, {0, 1, 6, 6},
                {-0.2f, 0.6f, 2, 2}, {-0.2f, 0.6f, 2, 2}, {0, 1, 6, 6}, {0, 1, 6, 6},
                {0.8f, -0.4f, 2, 2}, {0.8f, -0.4f, 2, 2}};
            for (int r = 0; r < expected.length; r++) {
                for (int c = 0; c < 4; c++) {
                    assertEquals(expected[r][c], box[r * 4 + c], 1e-5, "box row " + r + " col " + c);
                }
            }
            assertArrayEquals(new float[] {1, 1, 2, 2, 2, 2, 10, 10}, java.util.Arrays.copyOf(lt.anchorWh().toFloatArray(), 8));
        }
    }

    @Test
    void noTargetsGiveEmptyLevels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray anchors = m.create(new float[] {1, 1, 2, 2, 10, 10}, new Shape(3, 2));
            LevelTargets none = new TargetBuilder(4.0).build(m.zeros(new Shape(0, 6)), anchors, 12, 16);
            assertTrue(none.isEmpty());
            LevelTargets tiny = new TargetBuilder(4.0).build(m.create(new float[] {0, 0, 0.5f, 0.5f, 0.001f, 0.001f}, new Shape(1, 6)),
                    anchors, 12, 16);
            assertTrue(tiny.isEmpty());
            assertEquals(new Shape(0, 4), tiny.box().getShape());
        }
    }

    /** The exact rows (and their order) of YOLOv5's build_targets for the reference case. */
    @Test
    void matchesYolov5Assignment() {
        try (NDManager m = NDManager.newBaseManager()) {
            Reference ref = Reference.load(m, "loss_case1.npz");
            TargetBuilder builder = new TargetBuilder(ref.hyp("hyp_scaled").anchorT());
            long[][] grids = {{12, 16}, {6, 8}, {3, 4}};
            for (int i = 0; i < 3; i++) {
                LevelTargets lt = builder.build(ref.get("targets"), ref.get("anchors").get(i), grids[i][0], grids[i][1]);
                float[] idx = ref.floats("idx" + i);
                int n = idx.length / 4;
                assertEquals(n, lt.size(), "level " + i);
                assertEquals(Math.round(ref.floats("n_assigned")[i]), n);
                long[][] got = {lt.image().toLongArray(), lt.anchor().toLongArray(), lt.gridY().toLongArray(), lt.gridX().toLongArray()};
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < 4; c++) {
                        assertEquals((long) idx[r * 4 + c], got[c][r], "level " + i + " row " + r + " index " + c);
                    }
                }
                assertArrayEquals(ref.floats("tbox" + i), lt.box().toFloatArray(), 1e-6f, "tbox level " + i);
                assertArrayEquals(ref.floats("anch" + i), lt.anchorWh().toFloatArray(), 0f, "anchors level " + i);
                float[] tcls = ref.floats("tcls" + i);
                long[] cls = lt.cls().toLongArray();
                for (int r = 0; r < n; r++) {
                    assertEquals((long) tcls[r], cls[r]);
                }
            }
        }
    }
}
