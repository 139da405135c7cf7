package dev.yolotrain.engine.data.augment;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Random hue / saturation / value gains, applied in place through one lookup table on the HSV image
 * (OpenCV's 8-bit HSV: hue in 0..179). Geometry is untouched.
 */
public final class HsvAugment {

    private HsvAugment() {}

    /** Draws the three gains 1 + uniform(-1, 1)·gain. */
    public static double[] sampleGains(Rng rng, double hgain, double sgain, double vgain) {
        return new double[] {rng.uniform(-1, 1) * hgain + 1, rng.uniform(-1, 1) * sgain + 1, rng.uniform(-1, 1) * vgain + 1};
    }

    /**
     * Applies gains (h, s, v) to the BGR image {@code im} in place; {@code hsv} and {@code lut} are
     * scratch Mats reused between calls.
     */
    public static void apply(Mat im, double[] gains, Mat hsv, Mat lut) {
        byte[] table = new byte[256 * 3];
        for (int x = 0; x < 256; x++) {
            table[3 * x] = (byte) (int) ((x * gains[0]) % 180);
            table[3 * x + 1] = (byte) (int) Math.min(Math.max(x * gains[1], 0), 255);
            table[3 * x + 2] = (byte) (int) Math.min(Math.max(x * gains[2], 0), 255);
        }
        lut.create(1, 256, CvType.CV_8UC3);
        lut.put(0, 0, table);
        Imgproc.cvtColor(im, hsv, Imgproc.COLOR_BGR2HSV);
        Core.LUT(hsv, lut, hsv);
        Imgproc.cvtColor(hsv, im, Imgproc.COLOR_HSV2BGR);
    }

    /** Draws the gains and applies them (nothing is drawn or done when all gains are 0). */
    public static void apply(Mat im, Rng rng, double hgain, double sgain, double vgain, Mat hsv, Mat lut) {
        if (hgain != 0 || sgain != 0 || vgain != 0) {
            apply(im, sampleGains(rng, hgain, sgain, vgain), hsv, lut);
        }
    }
}
