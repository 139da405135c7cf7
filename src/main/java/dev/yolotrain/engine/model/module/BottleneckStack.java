package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.ParamRegistry;
import dev.yolotrain.engine.model.Size2;
import java.util.ArrayList;
import java.util.List;

/** The {@code m} sequence inside C3 / BottleneckCSP: n Bottlenecks with expansion 1.0. */
final class BottleneckStack {
    private final List<Bottleneck> blocks = new ArrayList<>();

    BottleneckStack(ParamRegistry reg, String prefix, int c, int n, boolean shortcut, int g) {
        for (int i = 0; i < n; i++) {
            blocks.add(new Bottleneck(reg, prefix + i + ".", c, c, shortcut, g, 1.0));
        }
    }

    NDArray forward(ForwardContext ctx, NDArray x) {
        for (Bottleneck b : blocks) {
            x = b.forward(ctx, x);
        }
        return x;
    }

    long macs(Size2 in) {
        long m = 0;
        for (Bottleneck b : blocks) {
            m += b.macs(in);
        }
        return m;
    }
}
