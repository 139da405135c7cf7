package dev.yolotrain.engine.data.augment;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Random hue / saturation / value gains, applied in place on the image's 8-bit HSV form (OpenCV's: hue in
 * 0..179). Geometry is untouched.
 */
public final class HsvAugment {

    private HsvAugment() {}

    /** Draws the three gains 1 + uniform(-1, 1)·gain. */
    public static double[] sampleGains(Rng rng, double hgain, double sgain, double vgain) {
        return new double[] {rng.uniform(-1, 1) * hgain + 1, rng.uniform(-1, 1) * sgain + 1, rng.uniform(-1, 1) * vgain + 1};
    }

    /**
     * Applies gains (h, s, v) to the BGR image {@code im} in place; {@code hsv} and {@code scratch}
     * (3 planes and a table) are Mats reused between calls. Hue becomes floor(h·gain) mod 180 (a lookup
     * table); saturation and value become floor(x·gain) clipped to 255, computed as a scaled conversion
     * (single precision, the same as the table but for products within ~1e-5 of an integer).
     */
    public static void apply(Mat im, double[] gains, Mat hsv, Mat[] scratch) {
        byte[] hue = new byte[256];
        for (int x = 0; x < 256; x++) {
            hue[x] = (byte) (int) ((x * gains[0]) % 180);
        }
        Imgproc.cvtColor(im, hsv, Imgproc.COLOR_BGR2HSV);
        List<Mat> planes = new ArrayList<>(3);
        for (int c = 0; c < 3; c++) {
            Mat plane = scratch[c];
            Core.extractChannel(hsv, plane, c);
            if (c == 0) {
                Mat lut = scratch[3];
                lut.create(1, 256, CvType.CV_8U);
                lut.put(0, 0, hue);
                Core.LUT(plane, lut, plane);
            } else {
                plane.convertTo(plane, CvType.CV_8U, gains[c], -0.5); // round(x·g − 0.5) = floor(x·g)
            }
            planes.add(plane);
        }
        Core.merge(planes, hsv);
        Imgproc.cvtColor(hsv, im, Imgproc.COLOR_HSV2BGR);
    }

    /** Scratch Mats for {@link #apply(Mat, double[], Mat, Mat[])}; release them when done. */
    public static Mat[] scratch() {
        Mat[] m = new Mat[4];
        for (int i = 0; i < 4; i++) {
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
