package dev.yolotrain.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * YOLOv5's autoanchor: measure how well the anchors fit the dataset's boxes (best possible recall at
 * anchor_t), and when recall ≤ 0.98 search new anchors with k-means on whitened box sizes followed by a
 * genetic mutation search; the new anchors are adopted only if their recall is higher.
 */
public final class AutoAnchor {
    public static final double GOOD_BPR = 0.98;
    private static final int GENERATIONS = 1000;
    private static final int KMEANS_ITERATIONS = 30;

    private AutoAnchor() {}

    /**
     * Box sizes in pixels at training scale: each image's long side scaled to imgSize, then a random
     * 0.9–1.1 scale per image as augmentation would.
     *
     * @param imageSizes per image {width, height}
     * @param boxes per image rows of (class, x, y, w, h) normalised
     */
    public static double[][] boxSizes(List<int[]> imageSizes, List<float[][]> boxes, int imgSize, Random rnd, boolean augmentScale) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < imageSizes.size(); i++) {
            int[] wh = imageSizes.get(i);
            double longSide = Math.max(wh[0], wh[1]);
            double s = augmentScale ? 0.9 + 0.2 * rnd.nextDouble() : 1.0;
            double sw = imgSize * wh[0] / longSide * s;
            double sh = imgSize * wh[1] / longSide * s;
            for (float[] b : boxes.get(i)) {
                out.add(new double[] {b[3] * sw, b[4] * sh});
            }
        }
        return out.toArray(new double[0][]);
    }

    /** Fraction of boxes with at least one anchor within the size ratio {@code thr}. */
    public static double bestPossibleRecall(double[][] anchors, double[][] wh, double thr) {
        if (wh.length == 0) {
            return 1.0;
        }
        int hit = 0;
        for (double[] b : wh) {
            if (best(anchors, b) > 1.0 / thr) {
                hit++;
            }
        }
        return hit / (double) wh.length;
    }

    /** Mean number of anchors per box within the ratio (YOLOv5 prints it as anchors/target). */
    public static double anchorsAboveThreshold(double[][] anchors, double[][] wh, double thr) {
        double sum = 0;
        for (double[] b : wh) {
            for (double[] a : anchors) {
                if (ratio(a, b) > 1.0 / thr) {
                    sum++;
                }
            }
        }
        return wh.length == 0 ? 0 : sum / wh.length;
    }

    private static double ratio(double[] a, double[] b) {
        double rw = b[0] / a[0];
        double rh = b[1] / a[1];
        return Math.min(Math.min(rw, 1 / rw), Math.min(rh, 1 / rh));
    }

    private static double best(double[][] anchors, double[] b) {
        double m = 0;
        for (double[] a : anchors) {
            m = Math.max(m, ratio(a, b));
        }
        return m;
    }

    private static double fitness(double[][] anchors, double[][] wh, double thr) {
        double s = 0;
        for (double[] b : wh) {
            double x = best(anchors, b);
            s += x > 1 / thr ? x : 0;
        }
        return s / wh.length;
    }

    /**
     * New anchors for the boxes: k-means (n clusters) on sizes divided by their standard deviation,
     * then mutation search maximising the fitness; sorted by area.
     */
    public static double[][] search(double[][] wh0, int n, int imgSize, double thr, long seed) {
        Random rnd = new Random(seed);
        List<double[]> kept = new ArrayList<>();
        for (double[] b : wh0) {
            if (b[0] >= 2.0 || b[1] >= 2.0) {
                kept.add(b);
            }
        }
        double[][] wh = kept.toArray(new double[0][]);
        double[][] k;
        if (wh.length >= n) {
            double[] sd = {std(wh, 0), std(wh, 1)};
            double[][] white = new double[wh.length][];
            for (int i = 0; i < wh.length; i++) {
                white[i] = new double[] {wh[i][0] / sd[0], wh[i][1] / sd[1]};
            }
            k = kmeans(white, n, rnd);
            for (double[] c : k) {
                c[0] *= sd[0];
                c[1] *= sd[1];
            }
        } else {
            k = new double[n][];
            double[] r = new double[n * 2];
            for (int i = 0; i < r.length; i++) {
                r[i] = rnd.nextDouble();
            }
            Arrays.sort(r);
            for (int i = 0; i < n; i++) {
                k[i] = new double[] {r[2 * i] * imgSize, r[2 * i + 1] * imgSize};
            }
        }
        if (wh.length == 0) {
            return sortByArea(k);
        }
        double f = fitness(k, wh, thr);
        for (int g = 0; g < GENERATIONS; g++) {
            double[][] v = new double[n][2];
            boolean allOne = true;
            while (allOne) {
                double r = rnd.nextDouble();
                for (double[] row : v) {
                    for (int j = 0; j < 2; j++) {
                        double m = rnd.nextDouble() < 0.9 ? r * rnd.nextGaussian() * 0.1 + 1 : 1;
                        row[j] = Math.min(3.0, Math.max(0.3, m));
                        allOne &= row[j] == 1;
                    }
                }
            }
            double[][] kg = new double[n][];
            for (int i = 0; i < n; i++) {
                kg[i] = new double[] {Math.max(2.0, k[i][0] * v[i][0]), Math.max(2.0, k[i][1] * v[i][1])};
            }
            double fg = fitness(kg, wh, thr);
            if (fg > f) {
                f = fg;
                k = kg;
            }
        }
        return sortByArea(k);
    }

    private static double[][] sortByArea(double[][] k) {
        double[][] s = k.clone();
        Arrays.sort(s, Comparator.comparingDouble(a -> a[0] * a[1]));
        return s;
    }

    private static double std(double[][] x, int col) {
        double mean = 0;
        for (double[] r : x) {
            mean += r[col];
        }
        mean /= x.length;
        double v = 0;
        for (double[] r : x) {
            v += (r[col] - mean) * (r[col] - mean);
        }
        return Math.sqrt(v / x.length);
    }

    /** Lloyd's k-means with k-means++ seeding; distortion-minimising like scipy's kmeans. */
    static double[][] kmeans(double[][] x, int n, Random rnd) {
        double[][] c = new double[n][];
        c[0] = x[rnd.nextInt(x.length)].clone();
        double[] d = new double[x.length];
        for (int k = 1; k < n; k++) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                d[i] = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    d[i] = Math.min(d[i], dist2(x[i], c[j]));
                }
                sum += d[i];
            }
            double t = rnd.nextDouble() * sum;
            int pick = 0;
            for (double acc = 0; pick < x.length - 1; pick++) {
                acc += d[pick];
                if (acc >= t) {
                    break;
                }
            }
            c[k] = x[pick].clone();
        }
        int[] assign = new int[x.length];
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            for (int i = 0; i < x.length; i++) {
                int bestJ = 0;
                for (int j = 1; j < n; j++) {
                    if (dist2(x[i], c[j]) < dist2(x[i], c[bestJ])) {
                        bestJ = j;
                    }
                }
                assign[i] = bestJ;
            }
            double[][] sum = new double[n][2];
            int[] cnt = new int[n];
            for (int i = 0; i < x.length; i++) {
                sum[assign[i]][0] += x[i][0];
                sum[assign[i]][1] += x[i][1];
                cnt[assign[i]]++;
            }
            for (int j = 0; j < n; j++) {
                if (cnt[j] > 0) {
                    c[j] = new double[] {sum[j][0] / cnt[j], sum[j][1] / cnt[j]};
                }
            }
        }
        return c;
    }

    private static double dist2(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        return dx * dx + dy * dy;
    }
}
