package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;

/**
 * Binary cross-entropy on logits with a weight on the positive term:
 * {@code −[pw·y·log σ(x) + (1 − y)·log(1 − σ(x))]}, computed stably as
 * {@code (1 − y)·x + (1 + (pw − 1)·y)·softplus(−x)}. Targets may be soft (in [0, 1]).
 */
public final class BceWithLogits implements LogitLoss {
    private final float posWeight;

    public BceWithLogits(double posWeight) {
        if (!(posWeight >= 0) || Double.isInfinite(posWeight)) {
            throw new IllegalArgumentException("pos_weight must be finite and >= 0, got " + posWeight);
        }
        this.posWeight = (float) posWeight;
    }

    @Override
    public NDArray elementwise(NDArray logits, NDArray targets) {
        NDArray softplusNeg = logits.neg().getNDArrayInternal().softPlus();
        NDArray negative = targets.neg().add(1).mul(logits);
        NDArray weight = posWeight == 1f ? softplusNeg : targets.mul(posWeight - 1f).add(1).mul(softplusNeg);
        return negative.add(weight);
    }

    public float posWeight() {
        return posWeight;
    }
}
