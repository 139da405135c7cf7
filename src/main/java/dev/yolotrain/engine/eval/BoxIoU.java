package dev.yolotrain.engine.eval;

import java.util.List;

/** Intersection over union of xyxy boxes, as YOLOv5's {@code box_iou} (with its eps of 1e-7). */
public final class BoxIoU {

    /** Added to the union, as YOLOv5 does, so that two empty boxes give 0 rather than NaN. */
    public static final double EPS = 1e-7;

    private BoxIoU() {}

    public static double iou(Xyxy a, Xyxy b) {
        return iou(a.x1(), a.y1(), a.x2(), a.y2(), b.x1(), b.y1(), b.x2(), b.y2());
    }

    public static double iou(
            double ax1, double ay1, double ax2, double ay2, double bx1, double by1, double bx2, double by2) {
        double iw = Math.max(0, Math.min(ax2, bx2) - Math.max(ax1, bx1));
        double ih = Math.max(0, Math.min(ay2, by2) - Math.max(ay1, by1));
        double inter = iw * ih;
        double areaA = (ax2 - ax1) * (ay2 - ay1);
        double areaB = (bx2 - bx1) * (by2 - by1);
        return inter / (areaA + areaB - inter + EPS);
    }

    /** IoU of every pair: {@code [i][j]} = IoU(rows[i], cols[j]). */
    public static double[][] matrix(List<? extends Xyxy> rows, List<? extends Xyxy> cols) {
        double[][] m = new double[rows.size()][cols.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                m[i][j] = iou(rows.get(i), cols.get(j));
            }
        }
        return m;
    }
}
