package dev.yolotrain.engine.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validated hyperparameters: every known key present (defaults from hyp.scratch-low), nothing else. */
public final class Hyp {
    /** YOLOv5's keys, in hyp.yaml order, with scratch-low defaults and the ranges we accept. */
    public static final List<HypKey> KEYS = List.of(
            new HypKey("lr0", 0.01, 0, false, 10, false, "initial learning rate"),
            new HypKey("lrf", 0.01, 0, false, 1, false, "final learning rate as a fraction of lr0"),
            new HypKey("momentum", 0.937, 0, true, 0.999, false, "SGD momentum / Adam beta1"),
            new HypKey("weight_decay", 0.0005, 0, true, 0.1, false, "weight decay at nominal batch 64"),
            new HypKey("warmup_epochs", 3.0, 0, true, 1000, false, "warmup length in epochs"),
            new HypKey("warmup_momentum", 0.8, 0, true, 0.999, false, "momentum at the start of warmup"),
            new HypKey("warmup_bias_lr", 0.1, 0, true, 10, false, "bias learning rate at the start of warmup"),
            new HypKey("box", 0.05, 0, true, 100, false, "box loss gain"),
            new HypKey("cls", 0.5, 0, true, 100, false, "class loss gain"),
            new HypKey("cls_pw", 1.0, 0, false, 100, false, "class BCE positive weight"),
            new HypKey("obj", 1.0, 0, true, 100, false, "objectness loss gain"),
            new HypKey("obj_pw", 1.0, 0, false, 100, false, "objectness BCE positive weight"),
            new HypKey("iou_t", 0.2, 0, false, 1, false, "IoU training threshold (unused by YOLOv5 training)"),
            new HypKey("anchor_t", 4.0, 1, false, 100, false, "anchor-to-target size ratio limit"),
            new HypKey("anchors", 3, 1, true, 16, true, "anchors per output level (when the model yml gives a count)"),
            new HypKey("fl_gamma", 0.0, 0, true, 10, false, "focal loss gamma (0 = plain BCE)"),
            new HypKey("hsv_h", 0.015, 0, true, 1, false, "hue augmentation gain"),
            new HypKey("hsv_s", 0.7, 0, true, 1, false, "saturation augmentation gain"),
            new HypKey("hsv_v", 0.4, 0, true, 1, false, "value augmentation gain"),
            new HypKey("degrees", 0.0, 0, true, 180, false, "rotation range in degrees"),
            new HypKey("translate", 0.1, 0, true, 1, false, "translation fraction"),
            new HypKey("scale", 0.5, 0, true, 0.99, false, "scale gain"),
            new HypKey("shear", 0.0, 0, true, 45, false, "shear range in degrees"),
            new HypKey("perspective", 0.0, 0, true, 0.01, false, "perspective fraction"),
            new HypKey("flipud", 0.0, 0, true, 1, false, "vertical flip probability"),
            new HypKey("fliplr", 0.5, 0, true, 1, false, "horizontal flip probability"),
            new HypKey("mosaic", 1.0, 0, true, 1, false, "mosaic probability"),
            new HypKey("mixup", 0.0, 0, true, 1, false, "mixup probability"),
            new HypKey("copy_paste", 0.0, 0, true, 1, false, "segment copy-paste probability (needs segments)"));

    private final Map<String, Double> values;
    /** Keys the user set explicitly (anchors given in hyp means "re-anchor", as in YOLOv5). */
    private final java.util.Set<String> explicit;

    Hyp(Map<String, Double> values, java.util.Set<String> explicit) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.explicit = java.util.Set.copyOf(explicit);
    }

    public static Hyp defaults() {
        return HypParser.fromMap(Map.of(), "defaults");
    }

    public double get(String key) {
        Double v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("unknown hyp key " + key);
        }
        return v;
    }

    public boolean isExplicit(String key) {
        return explicit.contains(key);
    }

    /** A copy with one value replaced (validated). */
    public Hyp with(String key, double value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return HypParser.fromMap(m, "hyp");
    }

    /** All values in hyp.yaml order, for hyp.yaml output and checkpoints. */
    public Map<String, Double> asMap() {
        return values;
    }
}
