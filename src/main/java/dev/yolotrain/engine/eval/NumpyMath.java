package dev.yolotrain.engine.eval;

/**
 * The few NumPy routines that YOLOv5's metrics rest on, with NumPy's exact semantics (end
 * points, ties, out-of-range values), so that the numbers agree with YOLOv5's to rounding.
 */
final class NumpyMath {

    private NumpyMath() {}

    /** {@code np.linspace(start, stop, num)}: {@code start + i·step}, the last point exactly {@code stop}. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        if (num == 1) {
            y[0] = start;
            return y;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    /**
     * {@code np.interp(x, xp, fp, left, right)} for non-decreasing {@code xp}: {@code left} below
     * {@code xp[0]}, {@code right} above the last point, {@code fp[j]} where {@code x == xp[j]} (the
     * last such j), linear in between.
     */
    static double[] interp(double[] x, double[] xp, double[] fp, double left, double right) {
        double[] out = new double[x.length];
        int n = xp.length;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v < xp[0]) {
                out[i] = left;
            } else if (v > xp[n - 1]) {
                out[i] = right;
            } else {
                int j = lastAtOrBelow(xp, v);
                if (j == n - 1 || xp[j] == v) {
                    out[i] = fp[j];
                } else {
                    double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
                    out[i] = slope * (v - xp[j]) + fp[j];
                }
            }
        }
        return out;
    }

    /** {@code np.interp} with NumPy's default {@code right} (the last {@code fp}). */
    static double[] interp(double[] x, double[] xp, double[] fp, double left) {
        return interp(x, xp, fp, left, fp[fp.length - 1]);
    }

    /** The largest j with {@code xp[j] <= v}, given {@code xp[0] <= v}. */
    private static int lastAtOrBelow(double[] xp, double v) {
        int lo = 0;
        int hi = xp.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v >= xp[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** {@code np.trapz(y, x)}: the trapezoid rule. */
    static double trapz(double[] y, double[] x) {
        double sum = 0;
        for (int i = 1; i < y.length; i++) {
            sum += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2.0;
        }
        return sum;
    }

    /**
     * YOLOv5's {@code smooth(y, f)}: a box filter of {@code nf = round(len·f·2) // 2 + 1} points,
     * the ends padded with {@code nf // 2} copies of the first and last values ({@code np.convolve}
     * 'valid'); as long as the input when {@code nf} is odd (1000 points, f = 0.1: nf = 101).
     */
    static double[] smooth(double[] y, double f) {
        int nf = (int) Math.rint(y.length * f * 2) / 2 + 1;
        int half = nf / 2;
        double w = 1.0 / nf;
        double[] padded = new double[y.length + 2 * half];
        for (int i = 0; i < padded.length; i++) {
            int src = Math.min(Math.max(i - half, 0), y.length - 1);
            padded[i] = y[src];
        }
        double[] out = new double[padded.length - nf + 1];
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int k = 0; k < nf; k++) {
                s += padded[i + k] * w;
            }
            out[i] = s;
        }
        return out;
    }

    /** {@code np.argmax}: the first index of the largest value. */
    static int argmax(double[] y) {
        int best = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] > y[best]) {
                best = i;
            }
        }
        return best;
    }
}
