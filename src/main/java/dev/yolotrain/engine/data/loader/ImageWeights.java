package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.augment.Rng;
import java.util.Arrays;

/**
 * Image-weighted sampling: images holding rare or poorly detected classes are drawn more often.
 * Class weight = inverse class frequency (normalised to sum 1) × (1 − class mAP)²; image weight = sum of
 * the class weights of its boxes; an epoch draws n images with replacement in proportion.
 */
public final class ImageWeights {

    private ImageWeights() {}

    /** Inverse class frequency over all boxes, normalised to sum 1 (a class without boxes counts 1). */
    public static double[] classWeights(float[][][] labels, int nc) {
        double[] count = new double[nc];
        for (float[][] img : labels) {
            for (float[] r : img) {
                count[(int) r[0]]++;
            }
        }
        double sum = 0;
        for (int c = 0; c < nc; c++) {
            count[c] = 1 / (count[c] == 0 ? 1 : count[c]);
            sum += count[c];
        }
        for (int c = 0; c < nc; c++) {
            count[c] /= sum;
        }
        return count;
    }

    /** Class weights scaled by (1 − mAP)² per class; maps null = all zero. */
    public static double[] withMaps(double[] classWeights, double[] maps) {
        double[] w = classWeights.clone();
        if (maps != null) {
            for (int c = 0; c < w.length; c++) {
                double m = c < maps.length ? maps[c] : 0;
                w[c] *= (1 - m) * (1 - m);
            }
        }
        return w;
    }

    /** Per image, the sum of the class weights of its boxes (0 for a background image). */
    public static double[] imageWeights(float[][][] labels, double[] classWeights) {
        double[] w = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            for (float[] r : labels[i]) {
                w[i] += classWeights[(int) r[0]];
            }
        }
        return w;
    }

    /** {@code k} indices drawn with replacement, each with probability weight / sum (uniform if all 0). */
    public static int[] sample(double[] weights, int k, Rng rng) {
        double[] cum = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            total += Math.max(0, weights[i]);
            cum[i] = total;
        }
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            if (total <= 0) {
                out[j] = rng.nextInt(weights.length);
                continue;
            }
            double u = rng.nextDouble() * total;
            int i = Arrays.binarySearch(cum, u);
            i = i >= 0 ? i + 1 : -i - 1; // first cumulative weight > u
            out[j] = Math.min(i, weights.length - 1);
        }
        return out;
    }
}
