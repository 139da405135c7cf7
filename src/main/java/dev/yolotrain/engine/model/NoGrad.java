package dev.yolotrain.engine.model;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs in-place writes to weights with autograd off. Grad mode is per thread in LibTorch and is on
 * in every thread but the one that loaded the engine (DJL.md), so it is set explicitly and restored.
 */
public final class NoGrad implements AutoCloseable {
    private final boolean previous;

    private NoGrad() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
    }

    public static NoGrad open() {
        return new NoGrad();
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
