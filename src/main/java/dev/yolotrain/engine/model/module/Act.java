package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** SiLU, x·sigmoid(x): DJL has none built in and this form is the fastest measured (DJL.md). */
final class Act {
    private Act() {}

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
