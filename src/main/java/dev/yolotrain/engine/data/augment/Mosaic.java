package dev.yolotrain.engine.data.augment;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The 4-image mosaic: four images meet at a centre (xc, yc) on a 2s×2s grey canvas, top-left,
 * top-right, bottom-left and bottom-right of it, each cut where it leaves the canvas.
 */
public final class Mosaic {

    private Mosaic() {}

    /**
     * Where tile k goes: canvas rectangle [ax1, ax2) × [ay1, ay2) receives the tile's pixels from
     * (bx1, by1) on.
     */
    public record Placement(int ax1, int ay1, int ax2, int ay2, int bx1, int by1) {
        public boolean isEmpty() {
            return ax2 <= ax1 || ay2 <= ay1;
        }

        /** True when the placement overlaps canvas rectangle [x1, x2) × [y1, y2). */
        public boolean overlaps(int x1, int y1, int x2, int y2) {
            return !isEmpty() && ax1 < x2 && x1 < ax2 && ay1 < y2 && y1 < ay2;
        }
    }

    /** The centre coordinate, drawn in [s/2, 3s/2) as YOLOv5 does (one call for x, one for y). */
    public static int center(Rng rng, int s) {
        return (int) rng.uniform(s / 2.0, 2 * s - s / 2.0);
    }

    /** The placement of tile k (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) of size w×h. */
    public static Placement place(int k, int w, int h, int s, int xc, int yc) {
        int c = 2 * s;
        return switch (k) {
            case 0 -> { // its bottom-right corner at the centre
                int ax1 = Math.max(xc - w, 0);
                int ay1 = Math.max(yc - h, 0);
                yield new Placement(ax1, ay1, xc, yc, w - (xc - ax1), h - (yc - ay1));
            }
            case 1 -> { // its bottom-left corner at the centre
                int ay1 = Math.max(yc - h, 0);
                yield new Placement(xc, ay1, Math.min(xc + w, c), yc, 0, h - (yc - ay1));
            }
            case 2 -> { // its top-right corner at the centre
                int ax1 = Math.max(xc - w, 0);
                yield new Placement(ax1, yc, xc, Math.min(c, yc + h), w - (xc - ax1), 0);
            }
            case 3 -> new Placement(xc, yc, Math.min(xc + w, c), Math.min(c, yc + h), 0, 0);
            default -> throw new IllegalArgumentException("tile " + k);
        };
    }

    /** The boxes of the four tiles (normalised xywh each, tile sizes {w, h}) as canvas pixel xyxy, clipped. */
    public static float[][] labels(float[][][] labels, int[][] sizes, Placement[] p, int s) {
        float[][] out = new float[0][];
        for (int k = 0; k < 4; k++) {
            out = Boxes.concat(out, Boxes.xywhnToXyxy(labels[k], sizes[k][0], sizes[k][1],
                    p[k].ax1() - p[k].bx1(), p[k].ay1() - p[k].by1()));
        }
        Boxes.clipXyxy(out, 2 * s, 2 * s);
        return out;
    }

    /**
     * Paints canvas region [x1, x2) × [y1, y2) into {@code canvas} (resized to the region): each tile's
     * overlapping part copied in, grey elsewhere. Tiles not overlapping the region may be null. Only
     * the quarters around the centre (xc, yc) that their tile does not cover are filled with grey.
     */
    public static void paint(Mat[] tiles, Placement[] p, int xc, int yc, int x1, int y1, int x2, int y2, Mat canvas) {
        TilePixels[] t = new TilePixels[4];
        for (int k = 0; k < 4; k++) {
            t[k] = tiles[k] == null ? null : TilePixels.of(tiles[k]);
        }
        paint(t, p, xc, yc, x1, y1, x2, y2, canvas);
    }

    /** As {@link #paint(Mat[], Placement[], int, int, int, int, int, int, Mat)}; each tile is asked for one rectangle at most. */
    public static void paint(TilePixels[] tiles, Placement[] p, int xc, int yc, int x1, int y1, int x2, int y2, Mat canvas) {
        canvas.create(y2 - y1, x2 - x1, CvType.CV_8UC3);
        for (int k = 0; k < 4; k++) {
            // quarter k of the region: left / right of xc, above / below yc
            int qx1 = (k & 1) == 0 ? x1 : Math.max(x1, xc);
            int qx2 = (k & 1) == 0 ? Math.min(x2, xc) : x2;
            int qy1 = k < 2 ? y1 : Math.max(y1, yc);
            int qy2 = k < 2 ? Math.min(y2, yc) : y2;
            if (qx2 <= qx1 || qy2 <= qy1) {
                continue;
            }
            Placement q = p[k];
            boolean covered = tiles[k] != null && q.ax1() <= qx1 && q.ay1() <= qy1 && q.ax2() >= qx2 && q.ay2() >= qy2;
            if (!covered) {
                Mat quarter = canvas.submat(qy1 - y1, qy2 - y1, qx1 - x1, qx2 - x1);
                quarter.setTo(Letterbox.GREY);
                quarter.release();
            }
            if (tiles[k] == null || !q.overlaps(qx1, qy1, qx2, qy2)) {
                continue;
            }
            int cx1 = Math.max(q.ax1(), qx1);
            int cy1 = Math.max(q.ay1(), qy1);
            int cx2 = Math.min(q.ax2(), qx2);
            int cy2 = Math.min(q.ay2(), qy2);
            Mat to = canvas.submat(cy1 - y1, cy2 - y1, cx1 - x1, cx2 - x1);
            tiles[k].copyTo(q.bx1() + cx1 - q.ax1(), q.by1() + cy1 - q.ay1(), to);
            to.release();
        }
    }

    /**
     * Composes the four {@code tiles} (BGR, any sizes up to s×s) into {@code canvas} (2s×2s) and returns
     * their boxes as pixel xyxy on the canvas, clipped to it.
     *
     * @param labels normalised xywh rows of each tile
     */
    public static float[][] compose(Mat[] tiles, float[][][] labels, int s, int xc, int yc, Mat canvas) {
        Placement[] p = new Placement[4];
        int[][] sizes = new int[4][];
        for (int k = 0; k < 4; k++) {
            sizes[k] = new int[] {tiles[k].cols(), tiles[k].rows()};
            p[k] = place(k, sizes[k][0], sizes[k][1], s, xc, yc);
        }
        paint(tiles, p, xc, yc, 0, 0, 2 * s, 2 * s, canvas);
        return labels(labels, sizes, p, s);
    }
}
