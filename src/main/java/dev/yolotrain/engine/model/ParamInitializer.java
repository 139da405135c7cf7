package dev.yolotrain.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default initial values, which YOLOv5 keeps: convolutions U(±1/√fan_in) for weight and
 * bias, BatchNorm weight 1, bias 0, running mean 0, var 1; plus any fixed offsets (Detect's priors,
 * anchors).
 */
final class ParamInitializer implements Initializer {
    private final ParamDef def;

    ParamInitializer(ParamDef def) {
        this.def = def;
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        NDArray base;
        switch (def.kind()) {
            case CONV_WEIGHT:
            case CONV_BIAS:
                float bound = (float) (1.0 / Math.sqrt(def.fanIn()));
                base = manager.randomUniform(-bound, bound, shape, dataType);
                break;
            case BN_WEIGHT:
            case BN_VAR:
                base = manager.ones(shape, dataType);
                break;
            default:
                base = manager.zeros(shape, dataType);
        }
        if (def.offsets() != null) {
            try (NDArray off = manager.create(def.offsets(), shape)) {
                base.addi(off);
            }
        }
        return base;
    }
}
