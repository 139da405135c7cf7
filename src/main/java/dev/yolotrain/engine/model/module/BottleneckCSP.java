package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.yolotrain.engine.model.BatchNormOp;
import dev.yolotrain.engine.model.ConvOp;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/**
 * The v1–v3 era CSP bottleneck: two paths (Conv + bottlenecks + bare conv, and a bare conv),
 * concatenated, BatchNorm, activation, then a Conv. The activation is SiLU, as current YOLOv5
 * code runs these layers (v3 itself used LeakyReLU 0.1).
 */
public final class BottleneckCSP implements Module {
    private final Conv cv1;
    private final ConvOp cv2;
    private final ConvOp cv3;
    private final Conv cv4;
    private final BatchNormOp bn;
    private final BottleneckStack m;

    public BottleneckCSP(ParamRegistry reg, String prefix, int c1, int c2, int n, boolean shortcut, int g, double e) {
        int c = (int) (c2 * e);
        this.cv1 = new Conv(reg, prefix + "cv1.", c1, c, 1, 1);
        this.cv2 = new ConvOp(reg, prefix + "cv2.", c1, c, 1, 1, 0, 1, false, null);
        this.cv3 = new ConvOp(reg, prefix + "cv3.", c, c, 1, 1, 0, 1, false, null);
        this.cv4 = new Conv(reg, prefix + "cv4.", 2 * c, c2, 1, 1);
        this.bn = new BatchNormOp(reg, prefix + "bn.", 2 * c);
        this.m = new BottleneckStack(reg, prefix + "m.", c, n, shortcut, g);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = inputs[0];
        NDArray y1 = cv3.forward(ctx, m.forward(ctx, cv1.forward(ctx, x)));
        NDArray y2 = cv2.forward(ctx, x);
        NDArray z = Act.silu(bn.forward(ctx, NDArrays.concat(new NDList(y1, y2), 1)));
        return cv4.forward(ctx, z);
    }

    @Override
    public int outChannels() {
        return cv4.outChannels();
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return inputs[0];
    }

    @Override
    public long macs(Size2[] inputs) {
        Size2 in = inputs[0];
        return cv1.macs(in) + cv2.macs(in) + cv3.macs(in) + cv4.macs(in) + m.macs(in);
    }
}
