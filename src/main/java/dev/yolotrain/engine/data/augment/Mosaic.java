package dev.yolotrain.engine.data.augment;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The 4-image mosaic: four images meet at a centre (xc, yc) on a 2s×2s grey canvas, top-left,
 * top-right, bottom-left and bottom-right of it, each cut where it leaves the canvas.
 */
public final class Mosaic {

    private Mosaic() {}

    /** The centre coordinate, drawn in [s/2, 3s/2) as YOLOv5 does (one call for x, one for y). */
    public static int center(Rng rng, int s) {
        return (int) rng.uniform(s / 2.0, 2 * s - s / 2.0);
    }

    /**
     * Composes the four {@code tiles} (BGR, any sizes up to s×s) into {@code canvas} (2s×2s) and returns
     * their boxes as pixel xyxy on the canvas, clipped to it.
     *
     * @param labels normalised xywh rows of each tile
     */
    public static float[][] compose(Mat[] tiles, float[][][] labels, int s, int xc, int yc, Mat canvas) {
        int c = 2 * s;
        canvas.create(c, c, CvType.CV_8UC3);
        canvas.setTo(Letterbox.GREY);
        float[][] out = new float[0][];
        for (int k = 0; k < 4; k++) {
            Mat t = tiles[k];
            int w = t.cols();
            int h = t.rows();
            int ax1;
            int ay1;
            int ax2;
            int ay2;
            int bx1;
            int by1;
            switch (k) {
                case 0 -> { // top-left: its bottom-right corner at the centre
                    ax1 = Math.max(xc - w, 0);
                    ay1 = Math.max(yc - h, 0);
                    ax2 = xc;
                    ay2 = yc;
                    bx1 = w - (ax2 - ax1);
                    by1 = h - (ay2 - ay1);
                }
                case 1 -> { // top-right: its bottom-left corner at the centre
                    ax1 = xc;
                    ay1 = Math.max(yc - h, 0);
                    ax2 = Math.min(xc + w, c);
                    ay2 = yc;
                    bx1 = 0;
                    by1 = h - (ay2 - ay1);
                }
                case 2 -> { // bottom-left: its top-right corner at the centre
                    ax1 = Math.max(xc - w, 0);
                    ay1 = yc;
                    ax2 = xc;
                    ay2 = Math.min(c, yc + h);
                    bx1 = w - (ax2 - ax1);
                    by1 = 0;
                }
                default -> { // bottom-right: its top-left corner at the centre
                    ax1 = xc;
                    ay1 = yc;
                    ax2 = Math.min(xc + w, c);
                    ay2 = Math.min(c, yc + h);
                    bx1 = 0;
                    by1 = 0;
                }
            }
            int cw = ax2 - ax1;
            int ch = ay2 - ay1;
            if (cw > 0 && ch > 0) {
                Mat from = t.submat(by1, by1 + ch, bx1, bx1 + cw);
                Mat to = canvas.submat(ay1, ay2, ax1, ax2);
                from.copyTo(to);
                from.release();
                to.release();
            }
            out = Boxes.concat(out, Boxes.xywhnToXyxy(labels[k], w, h, ax1 - bx1, ay1 - by1));
        }
        Boxes.clipXyxy(out, c, c);
        return out;
    }
}
