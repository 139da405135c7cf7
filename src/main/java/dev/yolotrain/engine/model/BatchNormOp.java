package dev.yolotrain.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.BatchNorm;

/** BatchNorm2d with YOLOv5's settings: eps 1e-3, momentum 0.03. */
public final class BatchNormOp {
    /** DJL's momentum is the weight of the old running value: 1 - PyTorch's 0.03. */
    private static final float DJL_MOMENTUM = 0.97f;
    private static final float EPS = 1e-3f;
    private final String prefix;

    public BatchNormOp(ParamRegistry reg, String prefix, int c) {
        this.prefix = prefix;
        long[] shape = {c};
        reg.add(new ParamDef(prefix + "weight", shape, ParamKind.BN_WEIGHT, 0, null));
        reg.add(new ParamDef(prefix + "bias", shape, ParamKind.BN_BIAS, 0, null));
        reg.add(new ParamDef(prefix + "running_mean", shape, ParamKind.BN_MEAN, 0, null));
        reg.add(new ParamDef(prefix + "running_var", shape, ParamKind.BN_VAR, 0, null));
        reg.addCounter(prefix + ParamRegistry.BATCHES_TRACKED);
    }

    public NDArray forward(ForwardContext ctx, NDArray x) {
        boolean training = ctx.training();
        if (training) {
            ctx.countBatch(prefix);
        }
        // axis -1 hands the NCHW tensor straight to torch.batch_norm (channel = dim 1) without a transpose.
        return BatchNorm.batchNorm(
                        x,
                        ctx.get(prefix + "running_mean"),
                        ctx.get(prefix + "running_var"),
                        ctx.get(prefix + "weight"),
                        ctx.get(prefix + "bias"),
                        -1,
                        DJL_MOMENTUM,
                        EPS,
                        training)
                .singletonOrThrow();
    }
}
