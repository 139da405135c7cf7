package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/** Gradient access that tells "no gradient" apart from zeros (PtNDArray.getGradient cannot). */
final class Grads {
    private Grads() {}

    /**
     * A new handle on the array's gradient (same storage; the caller closes the handle), or null when
     * the array has none (never reached by backward, or not requiring gradients).
     */
    static NDArray of(NDArray array) {
        PtNDArray a = (PtNDArray) array;
        if (!JniUtils.requiresGrad(a)) {
            return null;
        }
        return JniUtils.getGradient(a);
    }

    /** Zeroes the gradient in place, if there is one. */
    static void zero(NDArray array) {
        try (NDArray g = of(array)) {
            if (g != null) {
                JniUtils.zeroGrad((PtNDArray) array);
            }
        }
    }
}
