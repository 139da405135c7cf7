package dev.yolotrain.engine.data.augment;

import java.util.Arrays;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * One drawn geometric transform and how to apply it to an image and its boxes.
 *
 * @param m row-major 3×3 matrix mapping source pixels to output pixels
 * @param scale the zoom factor in m (used by {@link BoxCandidates})
 * @param perspective warp with the full 3×3 matrix (else its affine 2×3 part)
 * @param width output width
 * @param height output height
 * @param forced warp even when m is the identity (the output size differs from the input)
 */
public record Warp(double[] m, double scale, boolean perspective, int width, int height, boolean forced) {

    private static final double[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    /** True when the image would be warped (not just copied). */
    public boolean changesImage() {
        return forced || !Arrays.equals(m, IDENTITY);
    }

    /**
     * Warps {@code src} into {@code dst} (grey 114 outside) and returns the surviving boxes (pixel xyxy
     * rows in, pixel xyxy rows out, clipped to the output), filtered by {@code filter}.
     * {@code tmp} is a 2×3 or 3×3 CV_64F scratch matrix, reused between calls.
     */
    public float[][] apply(Mat src, Mat dst, float[][] xyxy, BoxCandidates filter, Mat tmp) {
        if (changesImage()) {
            if (perspective) {
                tmp.create(3, 3, CvType.CV_64F);
                tmp.put(0, 0, m);
                Imgproc.warpPerspective(src, dst, tmp, new Size(width, height), Imgproc.INTER_LINEAR,
                        org.opencv.core.Core.BORDER_CONSTANT, Letterbox.GREY);
            } else {
                tmp.create(2, 3, CvType.CV_64F);
                tmp.put(0, 0, Arrays.copyOf(m, 6));
                Imgproc.warpAffine(src, dst, tmp, new Size(width, height), Imgproc.INTER_LINEAR,
                        org.opencv.core.Core.BORDER_CONSTANT, Letterbox.GREY);
            }
        } else if (src != dst) {
            src.copyTo(dst);
        }
        return boxes(xyxy, filter);
    }

    /** The boxes after the transform: each box's 4 corners mapped, their bounding box clipped and filtered. */
    public float[][] boxes(float[][] xyxy, BoxCandidates filter) {
        float[][] kept = new float[xyxy.length][];
        int n = 0;
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (float[] r : xyxy) {
            double[][] corners = {{r[1], r[2]}, {r[3], r[4]}, {r[1], r[4]}, {r[3], r[2]}};
            for (int k = 0; k < 4; k++) {
                double x = corners[k][0];
                double y = corners[k][1];
                double u = m[0] * x + m[1] * y + m[2];
                double v = m[3] * x + m[4] * y + m[5];
                if (perspective) {
                    double z = m[6] * x + m[7] * y + m[8];
                    u /= z;
                    v /= z;
                }
                xs[k] = u;
                ys[k] = v;
            }
            double x1 = Boxes.clamp(Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3])), 0, width);
            double x2 = Boxes.clamp(Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3])), 0, width);
            double y1 = Boxes.clamp(Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3])), 0, height);
            double y2 = Boxes.clamp(Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3])), 0, height);
            if (filter.keep(r[1], r[2], r[3], r[4], scale, x1, y1, x2, y2)) {
                kept[n++] = new float[] {r[0], (float) x1, (float) y1, (float) x2, (float) y2};
            }
        }
        return Arrays.copyOf(kept, n);
    }
}
