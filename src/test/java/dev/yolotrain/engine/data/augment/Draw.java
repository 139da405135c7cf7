package dev.yolotrain.engine.data.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.yolotrain.engine.data.OpenCv;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Test images: black canvases with filled rectangles of unique colours, and colour bounding boxes read back. */
public final class Draw {

    /** BGR colours of distinct hues (no two are multiples of each other, none is grey). */
    public static final Scalar[] COLOURS = {
        new Scalar(0, 0, 255), new Scalar(0, 255, 0), new Scalar(255, 0, 0), new Scalar(0, 255, 255),
        new Scalar(255, 0, 255), new Scalar(255, 255, 0), new Scalar(128, 255, 255), new Scalar(0, 128, 255),
        new Scalar(255, 128, 0), new Scalar(128, 0, 255), new Scalar(0, 255, 128), new Scalar(128, 255, 0)};

    private Draw() {}

    public static Mat black(int w, int h) {
        OpenCv.load();
        return new Mat(h, w, CvType.CV_8UC3, new Scalar(0, 0, 0));
    }

    /** Fills pixels [x1, x2) × [y1, y2) with a colour and returns the label row {cls, x, y, w, h} normalised. */
    public static float[] box(Mat m, int cls, int x1, int y1, int x2, int y2, Scalar colour) {
        Imgproc.rectangle(m, new Point(x1, y1), new Point(x2 - 1, y2 - 1), colour, -1);
        double w = m.cols();
        double h = m.rows();
        return new float[] {cls, (float) ((x1 + x2) / 2.0 / w), (float) ((y1 + y2) / 2.0 / h), (float) ((x2 - x1) / w),
            (float) ((y2 - y1) / h)};
    }

    /** Pixel bounding box {x1, y1, x2, y2} (x2, y2 exclusive) of pixels within tol of colour, or null. */
    public static int[] bbox(Mat m, Scalar colour, int tol) {
        byte[] px = new byte[(int) (m.total() * 3)];
        Mat c = m.isContinuous() ? m : m.clone();
        c.get(0, 0, px);
        int w = m.cols();
        int h = m.rows();
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = -1;
        int y2 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = 3 * (y * w + x);
                if (near(px[o], colour.val[0], tol) && near(px[o + 1], colour.val[1], tol) && near(px[o + 2], colour.val[2], tol)) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x + 1);
                    y2 = Math.max(y2, y + 1);
                }
            }
        }
        return x2 < 0 ? null : new int[] {x1, y1, x2, y2};
    }

    /**
     * Pixel bounding box of pixels that are a blend of {@code colour} over black with at least
     * {@code minAlpha} of the colour (edge pixels of a warped box are such blends), or null.
     */
    public static int[] bboxBlend(Mat m, Scalar colour, double minAlpha) {
        byte[] px = new byte[(int) (m.total() * 3)];
        m.get(0, 0, px);
        int w = m.cols();
        double[] c = colour.val;
        double cc = c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = -1;
        int y2 = -1;
        for (int i = 0; i < m.total(); i++) {
            double b = px[3 * i] & 0xFF;
            double g = px[3 * i + 1] & 0xFF;
            double r = px[3 * i + 2] & 0xFF;
            double a = (b * c[0] + g * c[1] + r * c[2]) / cc;
            double res = Math.abs(b - a * c[0]) + Math.abs(g - a * c[1]) + Math.abs(r - a * c[2]);
            if (a >= minAlpha && res < 40) {
                int x = i % w;
                int y = i / w;
                x1 = Math.min(x1, x);
                y1 = Math.min(y1, y);
                x2 = Math.max(x2, x + 1);
                y2 = Math.max(y2, y + 1);
            }
        }
        return x2 < 0 ? null : new int[] {x1, y1, x2, y2};
    }

    /** Pixel bounding box of pixels that are not black (any channel above tol). */
    public static int[] nonBlack(Mat m, int tol) {
        byte[] px = new byte[(int) (m.total() * 3)];
        m.get(0, 0, px);
        int w = m.cols();
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = -1;
        int y2 = -1;
        for (int i = 0; i < m.total(); i++) {
            if ((px[3 * i] & 0xFF) > tol || (px[3 * i + 1] & 0xFF) > tol || (px[3 * i + 2] & 0xFF) > tol) {
                int x = i % w;
                int y = i / w;
                x1 = Math.min(x1, x);
                y1 = Math.min(y1, y);
                x2 = Math.max(x2, x + 1);
                y2 = Math.max(y2, y + 1);
            }
        }
        return x2 < 0 ? null : new int[] {x1, y1, x2, y2};
    }

    private static boolean near(byte b, double v, int tol) {
        return Math.abs((b & 0xFF) - v) <= tol;
    }

    /** Asserts a pixel box equals a pixel xyxy label row {cls, x1, y1, x2, y2} within tol pixels. */
    public static void assertBox(int[] pixels, float[] xyxyRow, double tol, String what) {
        assertNotNull(pixels, what + ": colour not found");
        String msg = what + ": pixels " + java.util.Arrays.toString(pixels) + " label " + java.util.Arrays.toString(xyxyRow);
        for (int k = 0; k < 4; k++) {
            assertEquals(pixels[k], xyxyRow[k + 1], tol, msg);
        }
    }

    /** Asserts a pixel box equals a normalised xywh label row on a w×h image within tol pixels. */
    public static void assertBoxN(int[] pixels, float[] xywhn, int w, int h, double tol, String what) {
        float[] xyxy = Boxes.xywhnToXyxy(new float[][] {xywhn}, w, h, 0, 0)[0];
        assertBox(pixels, xyxy, tol, what);
    }
}
