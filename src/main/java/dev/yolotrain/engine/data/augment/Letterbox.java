package dev.yolotrain.engine.data.augment;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Resize keeping the aspect ratio, then pad with grey (114) to a target shape.
 *
 * @param ratio the scale applied to the image
 * @param padW padding added on the left (the right gets the rest), may be a half pixel
 * @param padH padding added on the top
 * @param width output width
 * @param height output height
 */
public record Letterbox(double ratio, double padW, double padH, int width, int height) {

    public static final Scalar GREY = new Scalar(114, 114, 114);

    /**
     * Letterboxes {@code src} into {@code dst} (reallocated as needed; may not be src).
     *
     * @param newH target height
     * @param newW target width
     * @param auto pad only up to the next multiple of {@code stride} (minimum rectangle) instead of to newH×newW
     * @param scaleup allow enlarging; when false only shrink
     */
    public static Letterbox apply(Mat src, Mat dst, int newH, int newW, boolean auto, boolean scaleup, int stride) {
        int h = src.rows();
        int w = src.cols();
        double r = Math.min((double) newH / h, (double) newW / w);
        if (!scaleup) {
            r = Math.min(r, 1.0);
        }
        int uw = (int) Math.round(w * r);
        int uh = (int) Math.round(h * r);
        double dw = newW - uw;
        double dh = newH - uh;
        if (auto) {
            dw = Math.floorMod((int) dw, stride);
            dh = Math.floorMod((int) dh, stride);
        }
        dw /= 2;
        dh /= 2;
        int top = (int) Math.round(dh - 0.1);
        int bottom = (int) Math.round(dh + 0.1);
        int left = (int) Math.round(dw - 0.1);
        int right = (int) Math.round(dw + 0.1);
        if (uw != w || uh != h) {
            Mat resized = new Mat();
            Imgproc.resize(src, resized, new Size(uw, uh), 0, 0, Imgproc.INTER_LINEAR);
            Core.copyMakeBorder(resized, dst, top, bottom, left, right, Core.BORDER_CONSTANT, GREY);
            resized.release();
        } else {
            Core.copyMakeBorder(src, dst, top, bottom, left, right, Core.BORDER_CONSTANT, GREY);
        }
        return new Letterbox(r, dw, dh, dst.cols(), dst.rows());
    }

    /** Normalised xywh labels of the source image → pixel xyxy in the letterboxed image. */
    public float[][] labels(float[][] xywhn, int srcW, int srcH) {
        return Boxes.xywhnToXyxy(xywhn, ratio * srcW, ratio * srcH, padW, padH);
    }
}
