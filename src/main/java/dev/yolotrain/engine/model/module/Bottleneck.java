package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/** 1×1 then 3×3 Conv, with a residual add when asked and the channel counts allow it. */
public final class Bottleneck implements Module {
    private final Conv cv1;
    private final Conv cv2;
    private final boolean add;

    public Bottleneck(ParamRegistry reg, String prefix, int c1, int c2, boolean shortcut, int g, double e) {
        int c = (int) (c2 * e);
        this.cv1 = new Conv(reg, prefix + "cv1.", c1, c, 1, 1);
        this.cv2 = new Conv(reg, prefix + "cv2.", c, c2, 3, 1, null, g);
        this.add = shortcut && c1 == c2;
    }

    public NDArray forward(ForwardContext ctx, NDArray x) {
        NDArray y = cv2.forward(ctx, cv1.forward(ctx, x));
        return add ? x.add(y) : y;
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        return forward(ctx, inputs[0]);
    }

    @Override
    public int outChannels() {
        return cv2.outChannels();
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return inputs[0];
    }

    public long macs(Size2 in) {
        return cv1.macs(in) + cv2.macs(in);
    }

    @Override
    public long macs(Size2[] inputs) {
        return macs(inputs[0]);
    }
}
