package dev.yolotrain.engine.model.module;

import ai.djl.ndarray.NDArray;
import dev.yolotrain.engine.model.ForwardContext;
import dev.yolotrain.engine.model.Size2;
import java.util.List;

/** A yml row with number > 1 of a module that does not take n itself: the copies run in sequence. */
public final class Repeat implements Module {
    private final List<Module> modules;

    public Repeat(List<Module> modules) {
        this.modules = List.copyOf(modules);
    }

    @Override
    public NDArray forward(ForwardContext ctx, NDArray[] inputs) {
        NDArray x = modules.get(0).forward(ctx, inputs);
        for (int i = 1; i < modules.size(); i++) {
            x = modules.get(i).forward(ctx, new NDArray[] {x});
        }
        return x;
    }

    @Override
    public int outChannels() {
        return modules.get(modules.size() - 1).outChannels();
    }

    @Override
    public Size2 outSize(Size2[] inputs) {
        Size2 s = modules.get(0).outSize(inputs);
        for (int i = 1; i < modules.size(); i++) {
            s = modules.get(i).outSize(new Size2[] {s});
        }
        return s;
    }

    @Override
    public long macs(Size2[] inputs) {
        long m = modules.get(0).macs(inputs);
        Size2 s = modules.get(0).outSize(inputs);
        for (int i = 1; i < modules.size(); i++) {
            m += modules.get(i).macs(new Size2[] {s});
            s = modules.get(i).outSize(new Size2[] {s});
        }
        return m;
    }
}
