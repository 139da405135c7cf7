package dev.yolotrain.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class BoxIouTest {

    @Test
    void identicalBoxesHaveCiouOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray boxes = m.create(new float[] {0.5f, 0.5f, 2, 3, 10, 4, 0.25f, 7}, new Shape(2, 4));
            float[] c = BoxIou.ciou(boxes, boxes.duplicate()).toFloatArray();
            assertEquals(1.0, c[0], 1e-6);
            assertEquals(1.0, c[1], 1e-6);
        }
    }

    @Test
    void disjointBoxesArePenalisedByDistance() {
        try (NDManager m = NDManager.newBaseManager()) {
            // same size, centres 4 apart in x: IoU 0, enclosing box 6×2 -> c² = 40, d² = 16, v = 0
            NDArray a = m.create(new float[] {0, 0, 2, 2}, new Shape(1, 4));
            NDArray b = m.create(new float[] {4, 0, 2, 2}, new Shape(1, 4));
            assertEquals(0.0, BoxIou.iou(a, b).getFloat(0), 1e-7);
            assertEquals(-16.0 / 40.0, BoxIou.ciou(a, b).getFloat(0), 1e-6);
            // half overlap in x: inter 2, union 6
            NDArray c = m.create(new float[] {1, 0, 2, 2}, new Shape(1, 4));
            assertEquals(2.0 / 6.0, BoxIou.iou(a, c).getFloat(0), 1e-6);
        }
    }
}
