package dev.yolotrain.engine.config;

import java.util.List;

/**
 * One row of a yolov5*.yml backbone/head: {@code [from, number, module, args]}.
 *
 * @param index layer index in the model (backbone first, then head)
 * @param from input layers: -1 is the previous layer, other negatives count back, others are absolute
 * @param number repeat count before depth scaling
 * @param module module name as written (e.g. {@code C3}, {@code nn.Upsample})
 * @param args raw arguments (Integer, Double, Boolean, String, List, or null)
 * @param line 1-based line in the yml, for error messages
 */
public record LayerSpec(int index, List<Integer> from, int number, String module, List<Object> args, int line) {

    /** The module name without a {@code nn.} / {@code models.common.} prefix. */
    public String moduleName() {
        int dot = module.lastIndexOf('.');
        return dot < 0 ? module : module.substring(dot + 1);
    }

    public String where() {
        return "layer " + index + " (" + module + ", line " + line + ")";
    }
}
