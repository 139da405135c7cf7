package dev.yolotrain.engine.model;

import java.util.List;

/**
 * Outcome of loading a state dict into a model by YOLOv5's rule (same name and same shape).
 *
 * @param transferred entries copied
 * @param total entries of the model's state dict
 * @param excluded model keys skipped on purpose (anchors when a cfg is given)
 * @param shapeMismatch model keys present in the source with another shape (e.g. Detect after an nc change)
 * @param missing model keys the source lacks
 * @param unexpected source keys the model does not have
 */
public record TransferReport(
        int transferred, int total, List<String> excluded, List<String> shapeMismatch, List<String> missing, List<String> unexpected) {

    /** The line YOLOv5 users know, e.g. "Transferred 342/349 items from yolov5s.safetensors". */
    public String line(String source) {
        return "Transferred " + transferred + "/" + total + " items from " + source;
    }
}
