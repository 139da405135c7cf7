package dev.yolotrain.engine.data.augment;

import java.util.Arrays;
import org.opencv.core.Core;
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
        try (GrowingImage zoomed = new GrowingImage()) {
            return apply(src, dst, xyxy, filter, tmp, zoomed);
        }
    }

    /** As {@link #apply(Mat, Mat, float[][], BoxCandidates, Mat)}, with a reused buffer for a zoom's intermediate image. */
    public float[][] apply(Mat src, Mat dst, float[][] xyxy, BoxCandidates filter, Mat tmp, GrowingImage zoomed) {
        if (changesImage()) {
            warpImage(src, 0, 0, dst, tmp, zoomed);
        } else if (src != dst) {
            src.copyTo(dst);
        }
        return boxes(xyxy, filter);
    }

    /**
     * Warps the part {@code part} of a larger source image, whose top-left corner sits at (ox, oy) of
     * that source, as if the whole source were warped (see {@link #sourceRegion}). {@code tmp} is a
     * scratch Mat reused between calls.
     */
    public void warpImage(Mat part, int ox, int oy, Mat dst, Mat tmp) {
        try (GrowingImage zoomed = new GrowingImage()) {
            warpImage(part, ox, oy, dst, tmp, zoomed);
        }
    }

    /** As {@link #warpImage(Mat, int, int, Mat, Mat)}, with a reused buffer for the zoom's intermediate image. */
    public void warpImage(Mat part, int ox, int oy, Mat dst, Mat tmp, GrowingImage zoomed) {
        int[] origin = resizeOrigin();
        if (origin != null && origin[0] == ox && origin[1] == oy
                && part.cols() >= resizeSpan(width) && part.rows() >= resizeSpan(height)) {
            // an axis-aligned zoom on the resize grid: bilinear resize samples the same points, faster.
            // The output has resize's own size for these factors (OpenCV rounds half to even), so the view is not reallocated.
            Mat out = zoomed.view((int) Math.rint(part.rows() * m[0]), (int) Math.rint(part.cols() * m[0]));
            Imgproc.resize(part, out, new Size(), m[0], m[0], Imgproc.INTER_LINEAR);
            Mat view = out.submat(0, height, 0, width);
            view.copyTo(dst);
            view.release();
            out.release();
            return;
        }
        double[] mm = m.clone();
        for (int r = 0; r < 3; r++) { // m · translate(ox, oy)
            mm[3 * r + 2] += mm[3 * r] * ox + mm[3 * r + 1] * oy;
        }
        Size size = new Size(width, height);
        if (perspective) {
            tmp.create(3, 3, CvType.CV_64F);
            tmp.put(0, 0, mm);
            Imgproc.warpPerspective(part, dst, tmp, size, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Letterbox.GREY);
        } else {
            tmp.create(2, 3, CvType.CV_64F);
            tmp.put(0, 0, Arrays.copyOf(mm, 6));
            Imgproc.warpAffine(part, dst, tmp, size, Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, Letterbox.GREY);
        }
    }

    /**
     * Moves the translation of an axis-aligned zoom matrix (row-major 3×3, in place) by at most s/2
     * output pixels, so that the source grid falls where OpenCV's bilinear resize
     * samples (output x ↔ source (x + 0.5)/s − 0.5 + origin, origin an integer). Other matrices are left alone.
     */
    public static void snapToResizeGrid(double[] m) {
        if (m[1] != 0 || m[3] != 0 || m[6] != 0 || m[7] != 0 || m[0] != m[4] || m[0] <= 0) {
            return;
        }
        double s = m[0];
        m[2] = s * (0.5 - Math.rint(0.5 - (m[2] + 0.5) / s)) - 0.5;
        m[5] = s * (0.5 - Math.rint(0.5 - (m[5] + 0.5) / s)) - 0.5;
    }

    /** The integer source origin {ox, oy} when resize can stand in for the warp, else null. */
    int[] resizeOrigin() {
        if (perspective || m[1] != 0 || m[3] != 0 || m[0] != m[4] || m[0] <= 0) {
            return null;
        }
        double ox = 0.5 - (m[2] + 0.5) / m[0];
        double oy = 0.5 - (m[5] + 0.5) / m[0];
        if (Math.abs(ox - Math.rint(ox)) > 1e-6 || Math.abs(oy - Math.rint(oy)) > 1e-6) {
            return null;
        }
        return new int[] {(int) Math.rint(ox), (int) Math.rint(oy)};
    }

    /** Source pixels the resize needs for {@code out} output pixels (with room for the last ones' neighbours). */
    private int resizeSpan(int out) {
        return (int) Math.ceil(out / m[0]) + 2;
    }

    /**
     * The source rectangle {x1, y1, x2, y2} (exclusive ends) that the output samples. On the resize
     * grid (see {@link #snapToResizeGrid}) it is exactly what the resize reads and may reach outside the
     * source (paint that part grey); otherwise it is the bilinear footprint plus a margin, clipped to the
     * source, or the whole source for a perspective warp.
     */
    public int[] sourceRegion(int srcW, int srcH) {
        int[] origin = resizeOrigin();
        if (origin != null) {
            return new int[] {origin[0], origin[1], origin[0] + resizeSpan(width), origin[1] + resizeSpan(height)};
        }
        if (perspective) {
            return new int[] {0, 0, srcW, srcH};
        }
        double det = m[0] * m[4] - m[1] * m[3];
        double i0 = m[4] / det;
        double i1 = -m[1] / det;
        double i3 = -m[3] / det;
        double i4 = m[0] / det;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double u : new double[] {0, width - 1}) {
            for (double v : new double[] {0, height - 1}) {
                double du = u - m[2];
                double dv = v - m[5];
                double x = i0 * du + i1 * dv;
                double y = i3 * du + i4 * dv;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        int x1 = (int) Boxes.clamp(Math.floor(minX) - 2, 0, srcW);
        int y1 = (int) Boxes.clamp(Math.floor(minY) - 2, 0, srcH);
        int x2 = (int) Boxes.clamp(Math.floor(maxX) + 3, 0, srcW);
        int y2 = (int) Boxes.clamp(Math.floor(maxY) + 3, 0, srcH);
        return new int[] {x1, y1, Math.max(x1, x2), Math.max(y1, y2)};
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
