package dev.yolotrain.engine.model;

/**
 * A state-dict entry to create.
 *
 * @param name YOLOv5 state_dict key, e.g. {@code model.0.conv.weight}
 * @param shape tensor shape
 * @param kind what it is
 * @param fanIn fan-in of the owning convolution (for PyTorch's default uniform init), else 0
 * @param offsets values added to the initial values (Detect's bias priors), or null
 */
public record ParamDef(String name, long[] shape, ParamKind kind, long fanIn, float[] offsets) {

    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
