package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.Size2;

/** Nearest-neighbour upsampling by an integer factor. */
public final class Upsample implements Module {
    private static final int NEAREST = 0;
    private final int factor;
    private final int channels;

    public Upsample(int channels, int factor) {
        this.channels = channels;
        this.factor = factor;
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = inputs[0];
        long[] s = x.getShape().getShape();
        return x.getNDArrayInternal().interpolation(new long[] {s[2] * factor, s[3] * factor}, NEAREST, false);
    }

    @Override
    public int outChannels() {
        return channels;
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return new Size2(inputs[0].h() * factor, inputs[0].w() * factor);
    }

    @Override
    public long macs(Size2[] inputs) {
        return 0;
    }
}
