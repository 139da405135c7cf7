package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.BatchNormOp;
import dev.yolotrain.engine.model.ConvOp;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/** YOLOv5's Conv: convolution without bias, BatchNorm, SiLU; padding defaults to k/2 ("same"). */
public final class Conv implements Module {
    private final ConvOp conv;
    private final BatchNormOp bn;

    public Conv(ParamRegistry reg, String prefix, int c1, int c2, int k, int s, Integer p, int g) {
        int pad = p == null ? k / 2 : p;
        this.conv = new ConvOp(reg, prefix + "conv.", c1, c2, k, s, pad, g, false, null);
        this.bn = new BatchNormOp(reg, prefix + "bn.", c2);
    }

    public Conv(ParamRegistry reg, String prefix, int c1, int c2, int k, int s) {
        this(reg, prefix, c1, c2, k, s, null, 1);
    }

    public NDArray forward(ForwardContext ctx, NDArray x) {
        return Act.silu(bn.forward(ctx, conv.forward(ctx, x)));
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        return forward(ctx, inputs[0]);
    }

    @Override
    public int outChannels() {
        return conv.outChannels();
    }

    public Size2 outSize(Size2 in) {
        return conv.outSize(in);
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return outSize(inputs[0]);
    }

    public long macs(Size2 in) {
        return conv.macs(in);
    }

    @Override
    public long macs(Size2[] inputs) {
        return macs(inputs[0]);
    }
}
