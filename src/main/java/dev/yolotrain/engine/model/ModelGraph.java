package dev.yolotrain.engine.model;

import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.model.module.Detect;
import java.util.List;

/**
 * A model built from its config: layers in order, the Detect head, and its state-dict entries.
 *
 * @param config the config it was built from
 * @param layers all layers, Detect last
 * @param detect the head
 * @param registry parameter and buffer definitions, YOLOv5 names and order
 * @param inputChannels image channels (3)
 */
public record ModelGraph(ModelConfig config, List<Layer> layers, Detect detect, ParamRegistry registry, int inputChannels) {

    public int nc() {
        return config.nc();
    }

    public double[] strides() {
        return detect.strides();
    }

    public long parameterCount() {
        long n = 0;
        for (ParamDef d : registry.defs().values()) {
            if (d.kind().trainable()) {
                n += d.numel();
            }
        }
        return n;
    }

    /** Conv multiply-accumulates ×2 in units of 1e9, for one image of the given size (as YOLOv5 reports). */
    public double gflops(int height, int width) {
        return 2.0 * ShapePass.macs(this, new Size2(height, width)) / 1e9;
    }
}
