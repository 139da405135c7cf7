package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/** CSP block with 3 convolutions: cv3(cat(m(cv1(x)), cv2(x))). */
public final class C3 implements Module {
    private final Conv cv1;
    private final Conv cv2;
    private final Conv cv3;
    private final BottleneckStack m;

    public C3(ParamRegistry reg, String prefix, int c1, int c2, int n, boolean shortcut, int g, double e) {
        int c = (int) (c2 * e);
        this.cv1 = new Conv(reg, prefix + "cv1.", c1, c, 1, 1);
        this.cv2 = new Conv(reg, prefix + "cv2.", c1, c, 1, 1);
        this.cv3 = new Conv(reg, prefix + "cv3.", 2 * c, c2, 1, 1);
        this.m = new BottleneckStack(reg, prefix + "m.", c, n, shortcut, g);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = inputs[0];
        NDArray a = m.forward(ctx, cv1.forward(ctx, x));
        NDArray b = cv2.forward(ctx, x);
        return cv3.forward(ctx, NDArrays.concat(new NDList(a, b), 1));
    }

    @Override
    public int outChannels() {
        return cv3.outChannels();
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return inputs[0];
    }

    @Override
    public long macs(Size2[] inputs) {
        Size2 in = inputs[0];
        return cv1.macs(in) + cv2.macs(in) + cv3.macs(in) + m.macs(in);
    }
}
