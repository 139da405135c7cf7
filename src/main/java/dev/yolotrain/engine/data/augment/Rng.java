package dev.yolotrain.engine.data.augment;

import java.util.SplittableRandom;

/**
 * The random source of the augmentations. One is derived per sample from (seed, epoch, position) so a
 * sample's augmentation never depends on which thread made it or in what order.
 */
public final class Rng {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final SplittableRandom r;

    public Rng(long seed) {
        this.r = new SplittableRandom(seed);
    }

    /** A generator for the key path (seed, k0, k1, ...), well mixed so neighbouring keys are unrelated. */
    public static Rng of(long seed, long... keys) {
        long h = mix(seed + GOLDEN);
        for (long k : keys) {
            h = mix(h ^ mix(k + GOLDEN));
        }
        return new Rng(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** In [0, 1). */
    public double nextDouble() {
        return r.nextDouble();
    }

    /** In [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** True with probability p (never for p ≤ 0, always for p ≥ 1). */
    public boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** In [0, n). */
    public int nextInt(int n) {
        return r.nextInt(n);
    }

    public double gaussian() {
        return r.nextGaussian();
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Fisher-Yates in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A draw from Beta(a, b), as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    public double beta(double a, double b) {
        double x = gamma(a);
        double y = gamma(b);
        return x / (x + y);
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang's squeeze method (shape ≥ 1; boosted below 1). */
    public double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(r.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = r.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = r.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
