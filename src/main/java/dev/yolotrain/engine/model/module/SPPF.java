package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;

/** Fast SPP: one max-pool applied three times in a row (same result as SPP 5/9/13 for k=5). */
public final class SPPF implements Module {
    private final Conv cv1;
    private final Conv cv2;
    private final int k;

    public SPPF(ParamRegistry reg, String prefix, int c1, int c2, int k) {
        int c = c1 / 2;
        this.k = k;
        this.cv1 = new Conv(reg, prefix + "cv1.", c1, c, 1, 1);
        this.cv2 = new Conv(reg, prefix + "cv2.", c * 4, c2, 1, 1);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = cv1.forward(ctx, inputs[0]);
        NDArray y1 = SPP.maxPool(x, k);
        NDArray y2 = SPP.maxPool(y1, k);
        NDArray y3 = SPP.maxPool(y2, k);
        return cv2.forward(ctx, NDArrays.concat(new NDList(x, y1, y2, y3), 1));
    }

    @Override
    public int outChannels() {
        return cv2.outChannels();
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        return inputs[0];
    }

    @Override
    public long macs(Size2[] inputs) {
        return cv1.macs(inputs[0]) + cv2.macs(inputs[0]);
    }
}
