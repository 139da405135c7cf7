package dev.yolotrain.engine.eval;

/**
 * One final detection: an xyxy box in pixels, its confidence (objectness × class score) and its
 * class id.
 */
public record Detection(double x1, double y1, double x2, double y2, double conf, int cls) implements Xyxy {}
