package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;
import java.util.List;

/** Spatial pyramid pooling: parallel stride-1 max-pools of several sizes, concatenated. */
public final class SPP implements Module {
    private final Conv cv1;
    private final Conv cv2;
    private final List<Integer> kernels;

    public SPP(ParamRegistry reg, String prefix, int c1, int c2, List<Integer> kernels) {
        int c = c1 / 2;
        this.kernels = List.copyOf(kernels);
        this.cv1 = new Conv(reg, prefix + "cv1.", c1, c, 1, 1);
        this.cv2 = new Conv(reg, prefix + "cv2.", c * (kernels.size() + 1), c2, 1, 1);
    }

    static NDArray maxPool(NDArray x, int k) {
        return Pool.maxPool2d(x, new Shape(k, k), new Shape(1, 1), new Shape(k / 2, k / 2), false);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = cv1.forward(ctx, inputs[0]);
        NDList parts = new NDList(x);
        for (int k : kernels) {
            parts.add(maxPool(x, k));
        }
        return cv2.forward(ctx, NDArrays.concat(parts, 1));
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
