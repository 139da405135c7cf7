package dev.yolotrain.engine.config;

/**
 * One known hyperparameter: its default (YOLOv5's hyp.scratch-low.yaml) and the range we accept.
 *
 * @param name key in hyp.yaml
 * @param dflt default value
 * @param min smallest accepted value
 * @param minInclusive whether min itself is allowed
 * @param max largest accepted value (inclusive)
 * @param integer whether only whole numbers are accepted
 * @param meaning one line for error messages and docs
 */
public record HypKey(String name, double dflt, double min, boolean minInclusive, double max, boolean integer, String meaning) {

    public String check(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "hyp '" + name + "' must be a finite number, got " + v;
        }
        if (integer && v != Math.rint(v)) {
            return "hyp '" + name + "' must be a whole number, got " + v;
        }
        boolean low = minInclusive ? v < min : v <= min;
        if (low || v > max) {
            return "hyp '" + name + "' (" + meaning + ") must be in " + (minInclusive ? "[" : "(") + fmt(min) + ", " + fmt(max)
                    + "], got " + fmt(v);
        }
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e9 ? Long.toString((long) d) : Double.toString(d);
    }
}
