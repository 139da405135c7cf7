package dev.yolotrain.service.job;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A training job as submitted. Left-out options take the engine's defaults (YOLOv5's train.py). */
@Schema(example = """
        {"datasetId": "3f1c2a9e-0000-4000-8000-000000000001", "model": "yolov5n", "epochs": 2, "batchSize": 8, "imgSize": 160,
         "hyp": {"lr0": 0.01, "mosaic": 1.0}, "workers": 2}""")
public record JobRequest(
        @Schema(description = "dataset to train on", requiredMode = Schema.RequiredMode.REQUIRED) UUID datasetId,
        @Schema(description = "built-in model (yolov5n/s/m/l/x, v4/yolov5s, v3/yolov5s) or the text of a yolov5*.yml", example = "yolov5n") String model,
        @Schema(example = "100") Integer epochs,
        @Schema(example = "16") Integer batchSize,
        @Schema(description = "train/val image size, a multiple of 32", example = "640") Integer imgSize,
        @Schema(description = "hyp.yaml keys (unknown keys, non-numbers, NaN/inf and out-of-range values are refused)") Map<String, Object> hyp,
        @Schema(description = "starting weights: jobs/<id>/best, jobs/<id>/last or weights/<id> (an uploaded state dict)") String weights,
        Boolean rect,
        Boolean cosLr,
        Boolean singleCls,
        Boolean imageWeights,
        Boolean multiScale,
        Boolean noval,
        Boolean nosave,
        Boolean noautoanchor,
        @Schema(description = "cache decoded images in RAM") Boolean cache,
        @Schema(description = "SGD, Adam or AdamW") String optimizer,
        Double labelSmoothing,
        Integer patience,
        List<Integer> freeze,
        Integer savePeriod,
        Long seed,
        @Schema(description = "data-loader threads") Integer workers) {

    /** The engine options other than model, sizes, hyp and weights, as stored with the job. */
    public Map<String, Object> options() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        put(m, "rect", rect);
        put(m, "cosLr", cosLr);
        put(m, "singleCls", singleCls);
        put(m, "imageWeights", imageWeights);
        put(m, "multiScale", multiScale);
        put(m, "noval", noval);
        put(m, "nosave", nosave);
        put(m, "noautoanchor", noautoanchor);
        put(m, "cache", cache);
        put(m, "optimizer", optimizer);
        put(m, "labelSmoothing", labelSmoothing);
        put(m, "patience", patience);
        put(m, "freeze", freeze);
        put(m, "savePeriod", savePeriod);
        put(m, "seed", seed);
        put(m, "workers", workers);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
