package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;

/** A binary loss on logits, element-wise, then averaged over all elements. */
public interface LogitLoss {

    /** Per-element loss, same shape as {@code logits}. */
    NDArray elementwise(NDArray logits, NDArray targets);

    /** Mean of {@link #elementwise} over every element: a scalar. */
    default NDArray mean(NDArray logits, NDArray targets) {
        return elementwise(logits, targets).mean();
    }

    /** BCE with logits, wrapped in focal loss when {@code gamma > 0}. */
    static LogitLoss of(double posWeight, double gamma) {
        BceWithLogits bce = new BceWithLogits(posWeight);
        return gamma > 0 ? new FocalLoss(bce, gamma, FocalLoss.DEFAULT_ALPHA) : bce;
    }
}
