package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/** Space-to-depth (each 2×2 pixel block becomes 4 channels) followed by a Conv: the v1–v5 stem. */
public final class Focus implements Module {
    private static final NDIndex EVEN_EVEN = new NDIndex("..., ::2, ::2");
    private static final NDIndex ODD_EVEN = new NDIndex("..., 1::2, ::2");
    private static final NDIndex EVEN_ODD = new NDIndex("..., ::2, 1::2");
    private static final NDIndex ODD_ODD = new NDIndex("..., 1::2, 1::2");
    private final Conv conv;

    public Focus(ParamRegistry reg, String prefix, int c1, int c2, int k, int s, Integer p, int g) {
        this.conv = new Conv(reg, prefix + "conv.", c1 * 4, c2, k, s, p, g);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = inputs[0];
        NDArray y = NDArrays.concat(new NDList(x.get(EVEN_EVEN), x.get(ODD_EVEN), x.get(EVEN_ODD), x.get(ODD_ODD)), 1);
        return conv.forward(ctx, y);
    }

    @Override
    public int outChannels() {
        return conv.outChannels();
    }

    private static Size2 half(Size2 in) {
        return new Size2(in.h() / 2, in.w() / 2);
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return conv.outSize(half(inputs[0]));
    }

    @Override
    public long macs(Size2[] inputs) {
        return conv.macs(half(inputs[0]));
    }
}
