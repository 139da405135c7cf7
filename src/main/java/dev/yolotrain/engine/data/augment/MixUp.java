package dev.yolotrain.engine.data.augment;

import org.opencv.core.Core;
import org.opencv.core.Mat;

/** MixUp: a weighted sum of two same-sized images; the boxes of both are kept. */
public final class MixUp {

    /** Alpha = beta of the Beta distribution of the mixing ratio. */
    public static final double ALPHA = 32.0;

    private MixUp() {}

    public static double sampleRatio(Rng rng) {
        return rng.beta(ALPHA, ALPHA);
    }

    /** {@code a} := r·a + (1 − r)·b (rounded to 8 bits); returns the rows of a then b. */
    public static float[][] apply(Mat a, float[][] labelsA, Mat b, float[][] labelsB, double r) {
        Core.addWeighted(a, r, b, 1 - r, 0, a);
        return Boxes.concat(labelsA, labelsB);
    }
}
