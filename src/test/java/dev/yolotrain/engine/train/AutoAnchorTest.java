package dev.yolotrain.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoAnchorTest {
    private static final double[][] DEFAULT = {{10, 13}, {16, 30}, {33, 23}, {30, 61}, {62, 45}, {59, 119}, {116, 90},
        {156, 198}, {373, 326}};

    @Test
    void defaultAnchorsFitOrdinaryBoxes() {
        double[][] wh = {{20, 25}, {100, 80}, {300, 300}, {50, 40}};
        assertEquals(1.0, AutoAnchor.bestPossibleRecall(DEFAULT, wh, 4.0));
        assertTrue(AutoAnchor.anchorsAboveThreshold(DEFAULT, wh, 4.0) >= 1);
    }

    @Test
    void searchFindsAnchorsForOddShapes() {
        // long thin boxes (aspect 20-30) that no default anchor covers within ratio 4
        Random r = new Random(1);
        double[][] wh = new double[300][];
        for (int i = 0; i < wh.length; i++) {
            double h = 8 + r.nextDouble() * 4;
            wh[i] = new double[] {h * (20 + r.nextDouble() * 10), h};
        }
        double before = AutoAnchor.bestPossibleRecall(DEFAULT, wh, 4.0);
        assertTrue(before < AutoAnchor.GOOD_BPR, "default bpr " + before);
        double[][] found = AutoAnchor.search(wh, 9, 640, 4.0, 0);
        double after = AutoAnchor.bestPossibleRecall(found, wh, 4.0);
        assertTrue(after > 0.99, "searched bpr " + after);
        for (int i = 1; i < found.length; i++) {
            assertTrue(found[i][0] * found[i][1] >= found[i - 1][0] * found[i - 1][1], "sorted by area");
        }
    }

    @Test
    void boxSizesScaleTheLongSideToImgSize() {
        List<int[]> sizes = new ArrayList<>();
        sizes.add(new int[] {1280, 640});
        List<float[][]> boxes = new ArrayList<>();
        boxes.add(new float[][] {{0, 0.5f, 0.5f, 0.5f, 0.25f}});
        double[][] wh = AutoAnchor.boxSizes(sizes, boxes, 640, new Random(0), false);
        assertEquals(320, wh[0][0], 1e-9);
        assertEquals(80, wh[0][1], 1e-9);
    }
}
