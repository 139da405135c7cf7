package dev.yolotrain.engine.data.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RectShapesTest {
    @Test
    void shapesFollowYolov5Rule() {
        // 640 wide images: 640×480 and 640×360 in one batch → h/w max 0.75 → 480 (+pad 0.5 → 512)
        RectShapes r = RectShapes.of(new int[] {640, 640, 480, 360}, new int[] {480, 360, 640, 640}, 2, 640, 32, 0.5);
        assertArrayEquals(new int[] {1, 0, 2, 3}, r.order());
        assertArrayEquals(new int[] {512, 672}, r.shapes()[0]);
        assertArrayEquals(new int[] {672, 512}, r.shapes()[1]); // 1/min = 0.75 of 640 wide
        RectShapes t = RectShapes.of(new int[] {640, 640}, new int[] {480, 640}, 2, 640, 32, 0.0);
        assertArrayEquals(new int[] {640, 640}, t.shapes()[0]); // mixed: square
    }
}
