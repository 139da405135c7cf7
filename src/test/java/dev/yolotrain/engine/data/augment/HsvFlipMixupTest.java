package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class HsvFlipMixupTest {

    @Test
    void hsvChangesColoursButNotGeometry() {
        for (int seed = 0; seed < 10; seed++) {
            Mat im = Draw.black(80, 60);
            float[] label = Draw.box(im, 0, 12, 9, 50, 41, new Scalar(40, 90, 200));
            Mat before = im.clone();
            HsvAugment.apply(im, new Rng(seed), 0.5, 0.7, 0.4, new Mat(), HsvAugment.scratch());
            Draw.assertBoxN(Draw.nonBlack(im, 10), label, 80, 60, 1e-3, "seed " + seed);
            Mat diff = new Mat();
            Core.absdiff(before, im, diff);
            assertTrue(Core.sumElems(diff).val[1] + Core.sumElems(diff).val[2] > 0, "colours changed");
        }
    }

    @Test
    void hsvGainsFollowTheLookupTables() {
        Mat im = new Mat(1, 1, org.opencv.core.CvType.CV_8UC3, new Scalar(40, 90, 200));
        Mat hsv0 = new Mat();
        Imgproc.cvtColor(im, hsv0, Imgproc.COLOR_BGR2HSV);
        double[] g = {1.5, 0.5, 0.8};
        HsvAugment.apply(im, g, new Mat(), HsvAugment.scratch());
        Mat hsv1 = new Mat();
        Imgproc.cvtColor(im, hsv1, Imgproc.COLOR_BGR2HSV);
        double[] a = hsv0.get(0, 0);
        double[] b = hsv1.get(0, 0);
        assertEquals(Math.floor(a[0] * 1.5) % 180, b[0], 2);
        assertEquals(Math.floor(a[1] * 0.5), b[1], 3);
        assertEquals(Math.floor(a[2] * 0.8), b[2], 2);
        // every pixel exactly: through OpenCV's HSV form and YOLOv5's tables (floor, hue mod 180, clip at 255)
        Mat noise = new Mat(64, 96, org.opencv.core.CvType.CV_8UC3);
        Core.randu(noise, 0, 256);
        for (double[] gg : new double[][] {{1.013, 1.6, 0.7}, {0.987, 0.31, 1.39}}) {
            Mat hsv = new Mat();
            Imgproc.cvtColor(noise, hsv, Imgproc.COLOR_BGR2HSV);
            byte[] px = new byte[(int) hsv.total() * 3];
            hsv.get(0, 0, px);
            for (int i = 0; i < px.length; i++) {
                int x = px[i] & 0xFF;
                double y = x * gg[i % 3];
                px[i] = (byte) (int) (i % 3 == 0 ? y % 180 : Math.min(255, y));
            }
            hsv.put(0, 0, px);
            Mat want = new Mat();
            Imgproc.cvtColor(hsv, want, Imgproc.COLOR_HSV2BGR);
            Mat got = noise.clone();
            HsvAugment.apply(got, gg, new Mat(), HsvAugment.scratch());
            Mat d = new Mat();
            Core.absdiff(want, got, d);
            assertEquals(0, Core.norm(d, Core.NORM_INF), "gains " + java.util.Arrays.toString(gg));
        }
        double[] gains = HsvAugment.sampleGains(new Rng(3), 0.015, 0.7, 0.4);
        assertTrue(Math.abs(gains[0] - 1) <= 0.015 && Math.abs(gains[1] - 1) <= 0.7 && Math.abs(gains[2] - 1) <= 0.4);
    }

    @Test
    void flipsMoveTheBoxAndItsLabelTogether() {
        for (int mode = 1; mode <= 3; mode++) {
            boolean ud = (mode & 1) != 0;
            boolean lr = (mode & 2) != 0;
            Mat im = Draw.black(90, 70);
            float[][] labels = {Draw.box(im, 4, 5, 8, 30, 20, Draw.COLOURS[5])};
            Flips.apply(im, labels, ud, lr);
            Draw.assertBoxN(Draw.bbox(im, Draw.COLOURS[5], 0), labels[0], 90, 70, 1e-3, "ud " + ud + " lr " + lr);
        }
    }

    @Test
    void mixupBlendsBothImagesAndKeepsBothBoxSets() {
        Mat a = Draw.black(64, 64);
        Mat b = Draw.black(64, 64);
        float[][] la = Boxes.xywhnToXyxy(new float[][] {Draw.box(a, 0, 4, 4, 20, 30, new Scalar(0, 0, 200))}, 64, 64, 0, 0);
        float[][] lb = Boxes.xywhnToXyxy(new float[][] {Draw.box(b, 1, 30, 10, 60, 50, new Scalar(0, 200, 0))}, 64, 64, 0, 0);
        float[][] out = MixUp.apply(a, la, b, lb, 0.5);
        assertEquals(2, out.length);
        assertArrayEquals(la[0], out[0]);
        assertArrayEquals(lb[0], out[1]);
        Draw.assertBox(Draw.bbox(a, new Scalar(0, 0, 100), 1), out[0], 0, "first image's box");
        Draw.assertBox(Draw.bbox(a, new Scalar(0, 100, 0), 1), out[1], 0, "second image's box");
    }

    @Test
    void mixupRatioIsBeta32() {
        Rng rng = new Rng(7);
        double sum = 0;
        double sq = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double r = MixUp.sampleRatio(rng);
            assertTrue(r > 0 && r < 1);
            sum += r;
            sq += r * r;
        }
        double mean = sum / n;
        double var = sq / n - mean * mean;
        assertEquals(0.5, mean, 0.003);
        assertEquals(0.25 / 65, var, 0.0004); // ab / ((a+b)²(a+b+1))
    }
}
