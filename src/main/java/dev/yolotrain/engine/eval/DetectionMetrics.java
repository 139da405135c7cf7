package dev.yolotrain.engine.eval;

import java.util.List;

/**
 * Scores of a whole validation run. The {@code all} values are means over the reported classes
 * (those with ground truth), as YOLOv5 prints them.
 *
 * @param images images seen
 * @param instances ground-truth objects over all images
 * @param precision mean P
 * @param recall mean R
 * @param map50 mean AP at IoU 0.5
 * @param map50to95 mean AP over IoU 0.50:0.95
 * @param classes one row per class with ground truth, ascending id
 */
public record DetectionMetrics(
        int images,
        int instances,
        double precision,
        double recall,
        double map50,
        double map50to95,
        List<ClassMetrics> classes) {

    public DetectionMetrics {
        classes = List.copyOf(classes);
    }

    /** YOLOv5's model-selection score: {@code 0.1·mAP50 + 0.9·mAP50-95}. */
    public double fitness() {
        return 0.1 * map50 + 0.9 * map50to95;
    }
}
