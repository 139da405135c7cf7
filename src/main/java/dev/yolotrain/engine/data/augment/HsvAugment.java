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
     * Applies gains (h, s, v) to the BGR image {@code im} in place; {@code hsv} and {@code scratch} are
     * Mats reused between calls. On the image's 8-bit HSV form, hue becomes floor(h·gain) mod 180 and
     * saturation and value become floor(x·gain) clipped to 255: YOLOv5's three lookup tables. (Per plane:
     * OpenCV's lookup on a 3-channel image with a 3-channel table measured 2x slower.)
     */
    public static void apply(Mat im, double[] gains, Mat hsv, Mat[] scratch) {
        byte[] table = new byte[256];
        Imgproc.cvtColor(im, hsv, Imgproc.COLOR_BGR2HSV);
        List<Mat> planes = new ArrayList<>(3);
        Mat lut = scratch[3];
        lut.create(1, 256, CvType.CV_8U);
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 256; x++) {
                double y = x * gains[c];
                table[x] = (byte) (int) (c == 0 ? y % 180 : Math.min(255, Math.max(0, y)));
            }
            lut.put(0, 0, table);
            Mat plane = scratch[c];
            Core.extractChannel(hsv, plane, c);
            Core.LUT(plane, lut, plane);
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
