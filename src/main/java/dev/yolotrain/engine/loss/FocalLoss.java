package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;

/**
 * Focal loss (Lin et al., "Focal Loss for Dense Object Detection", 2017) around a BCE-with-logits
 * loss: each element is scaled by {@code α_t·(1 − p_t)^γ}, where p = σ(x),
 * {@code p_t = y·p + (1 − y)·(1 − p)} and {@code α_t = y·α + (1 − y)·(1 − α)}.
 */
public final class FocalLoss implements LogitLoss {
    public static final double DEFAULT_ALPHA = 0.25;
    private final LogitLoss base;
    private final float gamma;
    private final float alpha;

    public FocalLoss(LogitLoss base, double gamma, double alpha) {
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("focal gamma must be finite and > 0, got " + gamma);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("focal alpha must be in [0, 1], got " + alpha);
        }
        this.base = base;
        this.gamma = (float) gamma;
        this.alpha = (float) alpha;
    }

    @Override
    public NDArray elementwise(NDArray logits, NDArray targets) {
        NDArray p = logits.getNDArrayInternal().sigmoid();
        NDArray notY = targets.neg().add(1);
        NDArray pt = targets.mul(p).add(notY.mul(p.neg().add(1)));
        NDArray alphaT = targets.mul(alpha).add(notY.mul(1 - alpha));
        NDArray modulating = pt.neg().add(1).pow(gamma);
        return base.elementwise(logits, targets).mul(alphaT.mul(modulating));
    }
}
