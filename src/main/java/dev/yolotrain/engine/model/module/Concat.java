package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.Size2;

/** Channel concatenation of several earlier layers (FPN/PAN joins). */
public final class Concat implements Module {
    private final int channels;

    public Concat(int channels) {
        this.channels = channels;
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        return NDArrays.concat(new NDList(inputs), 1);
    }

    @Override
    public int outChannels() {
        return channels;
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        for (Size2 s : inputs) {
            if (!s.equals(inputs[0])) {
                throw new IllegalArgumentException("Concat of different spatial sizes " + java.util.Arrays.toString(inputs));
            }
        }
        return inputs[0];
    }

    @Override
    public long macs(Size2[] inputs) {
        return 0;
    }
}
