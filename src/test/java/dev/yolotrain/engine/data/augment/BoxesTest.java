package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class BoxesTest {
    @Test
    void roundTripAndClip() {
        float[][] n = {{2, 0.5f, 0.25f, 0.2f, 0.1f}};
        float[][] px = Boxes.xywhnToXyxy(n, 200, 100, 10, 5);
        assertArrayEquals(new float[] {2, 90, 25, 130, 35}, px[0], 1e-4f);
        float[][] back = Boxes.xyxyToXywhn(Boxes.xywhnToXyxy(n, 200, 100, 0, 0), 200, 100, false, 0);
        assertArrayEquals(n[0], back[0], 1e-6f);
        float[][] clipped = Boxes.xyxyToXywhn(new float[][] {{1, -10, -10, 50, 300}}, 100, 100, true, 1e-3);
        assertArrayEquals(new float[] {1, 0.25f, 0.5f - 0.5e-5f, 0.5f, 1 - 1e-5f}, clipped[0], 1e-6f);
        assertArrayEquals(new float[] {0, 0.5f, 0.25f, 0.2f, 0.1f}, Boxes.singleClass(n)[0]);
    }
}
