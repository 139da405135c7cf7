package dev.yolotrain.engine.data.augment;

/**
 * YOLOv5's random geometric transform: centre the image at the origin, then perspective, rotation with
 * scale, shear, and a translation to about the middle of the output, composed into one 3×3 matrix.
 */
public final class RandomPerspective {

    private final double degrees;
    private final double translate;
    private final double scale;
    private final double shear;
    private final double perspective;

    public RandomPerspective(double degrees, double translate, double scale, double shear, double perspective) {
        this.degrees = degrees;
        this.translate = translate;
        this.scale = scale;
        this.shear = shear;
        this.perspective = perspective;
    }

    /**
     * Draws a transform for a srcW×srcH image whose output is srcW + 2·border × srcH + 2·border
     * (a mosaic uses border = -imgSize/2 to cut its 2s×2s canvas back to s×s).
     */
    public Warp sample(Rng rng, int srcW, int srcH, int border) {
        int outW = srcW + 2 * border;
        int outH = srcH + 2 * border;
        double px = rng.uniform(-perspective, perspective);
        double py = rng.uniform(-perspective, perspective);
        double angle = rng.uniform(-degrees, degrees);
        double s = rng.uniform(1 - scale, 1 + scale);
        double shx = rng.uniform(-shear, shear);
        double shy = rng.uniform(-shear, shear);
        double tx = rng.uniform(0.5 - translate, 0.5 + translate) * outW;
        double ty = rng.uniform(0.5 - translate, 0.5 + translate) * outH;
        double[] m = matrix(srcW, srcH, px, py, angle, s, shx, shy, tx, ty);
        Warp.snapToResizeGrid(m); // no rotation, shear or perspective: shift < s/2 px so a resize can do the warp
        return new Warp(m, s, perspective != 0, outW, outH, border != 0);
    }

    /**
     * The composed matrix T·S·R·P·C (row-major 3×3) for fixed parameters: C moves the image centre to
     * the origin, P adds the perspective terms (px, py), R rotates by {@code angleDeg} counter-clockwise
     * (as seen on screen) and scales by {@code s}, S shears by the given degrees, T moves to (tx, ty).
     */
    public static double[] matrix(int srcW, int srcH, double px, double py, double angleDeg, double s,
            double shearXDeg, double shearYDeg, double tx, double ty) {
        double[] c = {1, 0, -srcW / 2.0, 0, 1, -srcH / 2.0, 0, 0, 1};
        double[] p = {1, 0, 0, 0, 1, 0, px, py, 1};
        double a = Math.toRadians(angleDeg);
        double cos = s * Math.cos(a);
        double sin = s * Math.sin(a);
        double[] r = {cos, sin, 0, -sin, cos, 0, 0, 0, 1};
        double[] sh = {1, Math.tan(Math.toRadians(shearXDeg)), 0, Math.tan(Math.toRadians(shearYDeg)), 1, 0, 0, 0, 1};
        double[] t = {1, 0, tx, 0, 1, ty, 0, 0, 1};
        return mul(t, mul(sh, mul(r, mul(p, c))));
    }

    static double[] mul(double[] a, double[] b) {
        double[] o = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                o[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return o;
    }
}
