package dev.yolotrain.engine.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The train command's options, named as YOLOv5's train.py names them.
 *
 * @param weights starting weights file, or "" to train from scratch
 * @param cfg model yml (file or built-in name), or null to take it from the weights checkpoint
 * @param data data.yaml
 * @param hyp hyp.yaml, or null for the scratch-low defaults
 * @param resume checkpoint to resume from, or null
 */
public record TrainOptions(
        String weights,
        String cfg,
        Path data,
        Path hyp,
        int epochs,
        int batchSize,
        int imgSize,
        boolean rect,
        Path resume,
        boolean nosave,
        boolean noval,
        boolean noautoanchor,
        String cache,
        boolean imageWeights,
        String device,
        boolean multiScale,
        boolean singleCls,
        String optimizer,
        int workers,
        Path project,
        String name,
        boolean existOk,
        boolean cosLr,
        double labelSmoothing,
        int patience,
        List<Integer> freeze,
        int savePeriod,
        long seed) {

    /** As YOLOv5's opt.yaml lists them. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weights", weights);
        m.put("cfg", cfg == null ? "" : cfg);
        m.put("data", String.valueOf(data));
        m.put("hyp", hyp == null ? "" : hyp.toString());
        m.put("epochs", epochs);
        m.put("batch_size", batchSize);
        m.put("imgsz", imgSize);
        m.put("rect", rect);
        m.put("resume", resume == null ? false : resume.toString());
        m.put("nosave", nosave);
        m.put("noval", noval);
        m.put("noautoanchor", noautoanchor);
        m.put("cache", cache == null ? "" : cache);
        m.put("image_weights", imageWeights);
        m.put("device", device);
        m.put("multi_scale", multiScale);
        m.put("single_cls", singleCls);
        m.put("optimizer", optimizer);
        m.put("workers", workers);
        m.put("project", project.toString());
        m.put("name", name);
        m.put("exist_ok", existOk);
        m.put("cos_lr", cosLr);
        m.put("label_smoothing", labelSmoothing);
        m.put("patience", patience);
        m.put("freeze", freeze);
        m.put("save_period", savePeriod);
        m.put("seed", seed);
        return m;
    }

    /** Rebuilds options from a checkpoint's saved map (resume), keeping what the user cannot change mid-run. */
    public static TrainOptions fromMap(Map<String, Object> m, Path resumeFrom) {
        return new TrainOptions(
                str(m, "weights", ""),
                emptyToNull(str(m, "cfg", "")),
                Path.of(str(m, "data", "data.yaml")),
                emptyToNull(str(m, "hyp", "")) == null ? null : Path.of(str(m, "hyp", "")),
                num(m, "epochs", 100).intValue(),
                num(m, "batch_size", 16).intValue(),
                num(m, "imgsz", 640).intValue(),
                bool(m, "rect"),
                resumeFrom,
                bool(m, "nosave"),
                bool(m, "noval"),
                bool(m, "noautoanchor"),
                emptyToNull(str(m, "cache", "")),
                bool(m, "image_weights"),
                str(m, "device", ""),
                bool(m, "multi_scale"),
                bool(m, "single_cls"),
                str(m, "optimizer", "SGD"),
                num(m, "workers", 8).intValue(),
                Path.of(str(m, "project", "runs/train")),
                str(m, "name", "exp"),
                true,
                bool(m, "cos_lr"),
                num(m, "label_smoothing", 0).doubleValue(),
                num(m, "patience", 100).intValue(),
                intList(m.get("freeze")),
                num(m, "save_period", -1).intValue(),
                num(m, "seed", 0).longValue());
    }

    private static String str(Map<String, Object> m, String k, String d) {
        Object v = m.get(k);
        return v == null ? d : String.valueOf(v);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static Number num(Map<String, Object> m, String k, Number d) {
        Object v = m.get(k);
        return v instanceof Number n ? n : d;
    }

    private static boolean bool(Map<String, Object> m, String k) {
        return Boolean.TRUE.equals(m.get(k));
    }

    private static List<Integer> intList(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().map(o -> ((Number) o).intValue()).toList();
        }
        return List.of(0);
    }
}
