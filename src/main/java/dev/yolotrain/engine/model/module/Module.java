package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.Size2;

/** One yml layer's computation (everything but Detect). */
public interface Module {

    NDArray forward(ForwardContext ctx, NDArray[] inputs);

    int outChannels();

    Size2 outSize(Size2[] inputs);

    /** Multiply-accumulates for one image of the given input sizes. */
    long macs(Size2[] inputs);
}
