package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;

/**
 * @param total (lbox + lobj + lcls) · batch size, a scalar (1) that carries the gradient
 * @param components (3) lbox, lobj, lcls after their gains, detached (for logging)
 */
public record LossResult(NDArray total, NDArray components) {

    /** The three components on the host: box, obj, cls (one device sync). */
    public float[] componentValues() {
        return components.toFloatArray();
    }
}
