package dev.yolotrain.engine.eval;

/** One ground-truth object: class id and xyxy box in pixels. */
public record GroundTruth(int cls, double x1, double y1, double x2, double y2) implements Xyxy {}
