package dev.yolotrain.engine.data.augment;

/**
 * Which boxes survive a geometric augmentation: the new box must be wider and taller than
 * {@code minSide} pixels, keep more than {@code minAreaRatio} of its (scaled) area, and have an aspect
 * ratio below {@code maxAspect}.
 */
public record BoxCandidates(double minSide, double maxAspect, double minAreaRatio) {

    private static final double EPS = 1e-16;

    /** 2 px, aspect 20, area 0.1: the thresholds the issue asks for. */
    public static final BoxCandidates DEFAULT = new BoxCandidates(2, 20, 0.1);

    /**
     * True when {@code after} (pixel x1, y1, x2, y2) is a box to keep, given {@code before} (the box
     * before the transform, same layout) and the transform's scale factor.
     */
    public boolean keep(double bx1, double by1, double bx2, double by2, double scale,
            double ax1, double ay1, double ax2, double ay2) {
        double w1 = (bx2 - bx1) * scale;
        double h1 = (by2 - by1) * scale;
        double w2 = ax2 - ax1;
        double h2 = ay2 - ay1;
        double aspect = Math.max(w2 / (h2 + EPS), h2 / (w2 + EPS));
        return w2 > minSide && h2 > minSide && w2 * h2 / (w1 * h1 + EPS) > minAreaRatio && aspect < maxAspect;
    }
}
