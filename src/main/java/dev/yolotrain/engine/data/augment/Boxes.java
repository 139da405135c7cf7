package dev.yolotrain.engine.data.augment;

/**
 * Label rows in the two forms the augmentations use: normalised {class, x, y, w, h} (centre, size; as
 * in the label files) and pixel {class, x1, y1, x2, y2} (corners). Every method returns new rows.
 */
public final class Boxes {

    private Boxes() {}

    /** Normalised xywh → pixel xyxy in an image of w×h placed at (padW, padH). */
    public static float[][] xywhnToXyxy(float[][] rows, double w, double h, double padW, double padH) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            out[i] = new float[] {r[0],
                (float) (w * (r[1] - r[3] / 2) + padW), (float) (h * (r[2] - r[4] / 2) + padH),
                (float) (w * (r[1] + r[3] / 2) + padW), (float) (h * (r[2] + r[4] / 2) + padH)};
        }
        return out;
    }

    /**
     * Pixel xyxy → normalised xywh for a w×h image. With {@code clip}, corners are first clipped to
     * [0, w - eps] × [0, h - eps] (YOLOv5 uses eps = 1e-3 for training labels).
     */
    public static float[][] xyxyToXywhn(float[][] rows, int w, int h, boolean clip, double eps) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] r = rows[i];
            double x1 = r[1];
            double y1 = r[2];
            double x2 = r[3];
            double y2 = r[4];
            if (clip) {
                x1 = clamp(x1, 0, w - eps);
                x2 = clamp(x2, 0, w - eps);
                y1 = clamp(y1, 0, h - eps);
                y2 = clamp(y2, 0, h - eps);
            }
            out[i] = new float[] {r[0], (float) ((x1 + x2) / 2 / w), (float) ((y1 + y2) / 2 / h),
                (float) ((x2 - x1) / w), (float) ((y2 - y1) / h)};
        }
        return out;
    }

    /** Clips pixel xyxy corners to [0, w] × [0, h] in place. */
    public static void clipXyxy(float[][] rows, double w, double h) {
        for (float[] r : rows) {
            r[1] = (float) clamp(r[1], 0, w);
            r[3] = (float) clamp(r[3], 0, w);
            r[2] = (float) clamp(r[2], 0, h);
            r[4] = (float) clamp(r[4], 0, h);
        }
    }

    /** The rows of a and then b. */
    public static float[][] concat(float[][] a, float[][] b) {
        float[][] out = new float[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A deep copy with every class set to 0 (single-class training). */
    public static float[][] singleClass(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            out[i][0] = 0;
        }
        return out;
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
