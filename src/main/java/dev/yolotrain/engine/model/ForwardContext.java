package dev.yolotrain.engine.model;

import ai.djl.ndarray.NDArray;

/** What a module needs during one forward pass: its tensors by state-dict name and the mode. */
public interface ForwardContext {

    /** The tensor of a state-dict entry, on the input's device. */
    NDArray get(String name);

    /** Training mode: BatchNorm uses batch statistics and updates its running buffers. */
    boolean training();

    /** Tells that a BatchNorm ran in training mode (YOLOv5 counts these per layer). */
    void countBatch(String bnPrefix);
}
