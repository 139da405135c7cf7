package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class RandomPerspectiveTest {

    private static final int W = 120;
    private static final int H = 100;

    /** Draws one box, warps with matrix m, and checks the pixels against the transformed label. */
    private static void check(double[] m, boolean perspective, double tol, String what) {
        Mat im = Draw.black(W, H);
        float[] label = Draw.box(im, 2, 40, 30, 80, 60, Draw.COLOURS[3]);
        float[][] xyxy = Boxes.xywhnToXyxy(new float[][] {label}, W, H, 0, 0);
        Warp warp = new Warp(m, 1, perspective, W, H, false);
        Mat out = new Mat();
        float[][] after = warp.apply(im, out, xyxy, BoxCandidates.DEFAULT, new Mat());
        assertEquals(1, after.length, what);
        assertEquals(2, after[0][0]);
        Draw.assertBox(Draw.bboxBlend(out, Draw.COLOURS[3], 0.25), after[0], tol, what);
    }

    @Test
    void pureTranslation() {
        double[] m = RandomPerspective.matrix(W, H, 0, 0, 0, 1, 0, 0, W / 2.0 + 13, H / 2.0 - 7);
        assertEquals(13, m[2], 1e-12);
        assertEquals(-7, m[5], 1e-12);
        check(m, false, 0.5, "translate");
    }

    @Test
    void pureScaleAboutTheCentre() {
        check(RandomPerspective.matrix(W, H, 0, 0, 0, 0.7, 0, 0, W / 2.0, H / 2.0), false, 1, "scale 0.7");
        check(RandomPerspective.matrix(W, H, 0, 0, 0, 1.4, 0, 0, W / 2.0, H / 2.0), false, 1, "scale 1.4");
    }

    @Test
    void pureRotation() {
        for (double a : new double[] {30, -45, 90, 170}) {
            check(RandomPerspective.matrix(W, H, 0, 0, a, 1, 0, 0, W / 2.0, H / 2.0), false, 1.5, "rotate " + a);
        }
    }

    @Test
    void shearAndPerspective() {
        check(RandomPerspective.matrix(W, H, 0, 0, 0, 1, 12, -8, W / 2.0, H / 2.0), false, 1.5, "shear");
        check(RandomPerspective.matrix(W, H, 0.002, -0.001, 10, 0.9, 0, 0, W / 2.0, H / 2.0), true, 1.5, "perspective");
    }

    @Test
    void rotationIsCounterClockwiseOnScreen() {
        double[] m = RandomPerspective.matrix(W, H, 0, 0, 90, 1, 0, 0, 0, 0);
        // a point right of the centre goes above it (y grows downwards)
        double x = W / 2.0 + 10;
        double y = H / 2.0;
        assertEquals(0, m[0] * x + m[1] * y + m[2], 1e-9);
        assertEquals(-10, m[3] * x + m[4] * y + m[5], 1e-9);
    }

    @Test
    void randomDrawsKeepEveryBoxWhereItsLabelSays() {
        // boxes stay inside the image (a box cut by the edge keeps the bounds of all its corners, as in YOLOv5)
        int side = 160;
        RandomPerspective rp = new RandomPerspective(25, 0.05, 0.3, 5, 0);
        for (int seed = 0; seed < 20; seed++) {
            Mat im = Draw.black(side, side);
            float[][] labels = {
                Draw.box(im, 0, 50, 55, 80, 80, Draw.COLOURS[0]),
                Draw.box(im, 1, 90, 85, 115, 110, Draw.COLOURS[1])};
            Warp warp = rp.sample(new Rng(seed), side, side, 0);
            assertTrue(warp.changesImage());
            Mat out = new Mat();
            float[][] after = warp.apply(im, out, Boxes.xywhnToXyxy(labels, side, side, 0, 0), BoxCandidates.DEFAULT, new Mat());
            assertEquals(2, after.length);
            for (float[] r : after) {
                int c = (int) r[0];
                Draw.assertBox(Draw.bboxBlend(out, Draw.COLOURS[c], 0.25), r, 2, "seed " + seed + " class " + c);
            }
        }
    }

    @Test
    void mosaicBorderCutsTheCanvasToItsMiddle() {
        RandomPerspective none = new RandomPerspective(0, 0, 0, 0, 0);
        Warp w = none.sample(new Rng(0), 128, 128, -32);
        assertEquals(64, w.width());
        assertTrue(w.changesImage());
        assertEquals(-32, w.m()[2], 1e-12); // centre -64, then + 0.5 * 64
        Warp id = none.sample(new Rng(0), 64, 48, 0);
        assertFalse(id.changesImage());
    }
}
