package dev.yolotrain.engine.data.augment;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Random hue / saturation / value gains, applied in place through a lookup table per HSV channel
 * (OpenCV's 8-bit HSV: hue in 0..179). Geometry is untouched.
 */
public final class HsvAugment {

    private HsvAugment() {}

    /** Draws the three gains 1 + uniform(-1, 1)·gain. */
    public static double[] sampleGains(Rng rng, double hgain, double sgain, double vgain) {
        return new double[] {rng.uniform(-1, 1) * hgain + 1, rng.uniform(-1, 1) * sgain + 1, rng.uniform(-1, 1) * vgain + 1};
    }

    /**
     * Applies gains (h, s, v) to the BGR image {@code im} in place; {@code hsv} and {@code scratch}
     * (hsv, 3 planes, 3 tables) are Mats reused between calls.
     */
    public static void apply(Mat im, double[] gains, Mat hsv, Mat[] scratch) {
        byte[][] tables = new byte[3][256];
        for (int x = 0; x < 256; x++) {
            tables[0][x] = (byte) (int) ((x * gains[0]) % 180);
            tables[1][x] = (byte) (int) Math.min(Math.max(x * gains[1], 0), 255);
            tables[2][x] = (byte) (int) Math.min(Math.max(x * gains[2], 0), 255);
        }
        Imgproc.cvtColor(im, hsv, Imgproc.COLOR_BGR2HSV);
        List<Mat> planes = new ArrayList<>(3);
        for (int c = 0; c < 3; c++) {
            Mat plane = scratch[c];
            Mat lut = scratch[3 + c];
            lut.create(1, 256, CvType.CV_8U);
            lut.put(0, 0, tables[c]);
            Core.extractChannel(hsv, plane, c);
            Core.LUT(plane, lut, plane);
            planes.add(plane);
        }
        Core.merge(planes, hsv);
        Imgproc.cvtColor(hsv, im, Imgproc.COLOR_HSV2BGR);
    }

    /** Scratch Mats for {@link #apply(Mat, double[], Mat, Mat[])}; release them when done. */
    public static Mat[] scratch() {
        Mat[] m = new Mat[6];
        for (int i = 0; i < 6; i++) {
            m[i] = new Mat();
        }
        return m;
    }

    /** Draws the gains and applies them (nothing is drawn or done when all gains are 0). */
    public static void apply(Mat im, Rng rng, double hgain, double sgain, double vgain, Mat hsv, Mat[] scratch) {
        if (hgain != 0 || sgain != 0 || vgain != 0) {
            apply(im, sampleGains(rng, hgain, sgain, vgain), hsv, scratch);
        }
    }
}
