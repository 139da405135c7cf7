package dev.yolotrain.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** A bare 2-D convolution (PyTorch's nn.Conv2d) registered under a state-dict prefix. */
public final class ConvOp {
    private final String prefix;
    private final int c1;
    private final int c2;
    private final int k;
    private final int s;
    private final int p;
    private final int g;
    private final boolean bias;
    private final Shape stride;
    private final Shape padding;
    private static final Shape DILATION = new Shape(1, 1);

    public ConvOp(ParamRegistry reg, String prefix, int c1, int c2, int k, int s, int p, int g, boolean bias, float[] biasOffsets) {
        if (c1 % g != 0 || c2 % g != 0) {
            throw new IllegalArgumentException(prefix + ": channels " + c1 + "->" + c2 + " not divisible by groups " + g);
        }
        this.prefix = prefix;
        this.c1 = c1;
        this.c2 = c2;
        this.k = k;
        this.s = s;
        this.p = p;
        this.g = g;
        this.bias = bias;
        this.stride = new Shape(s, s);
        this.padding = new Shape(p, p);
        long fanIn = (long) (c1 / g) * k * k;
        reg.add(new ParamDef(prefix + "weight", new long[] {c2, c1 / g, k, k}, ParamKind.CONV_WEIGHT, fanIn, null));
        if (bias) {
            reg.add(new ParamDef(prefix + "bias", new long[] {c2}, ParamKind.CONV_BIAS, fanIn, biasOffsets));
        }
    }

    public NDArray forward(ForwardContext ctx, NDArray x) {
        NDArray b = bias ? ctx.get(prefix + "bias") : null;
        return Conv2d.conv2d(x, ctx.get(prefix + "weight"), b, stride, padding, DILATION, g).singletonOrThrow();
    }

    public Size2 outSize(Size2 in) {
        return new Size2((in.h() + 2L * p - k) / s + 1, (in.w() + 2L * p - k) / s + 1);
    }

    /** Multiply-accumulates for one image, counting the bias add as one (as thop does). */
    public long macs(Size2 in) {
        Size2 o = outSize(in);
        return o.area() * c2 * ((long) (c1 / g) * k * k + (bias ? 1 : 0));
    }

    public int outChannels() {
        return c2;
    }
}
