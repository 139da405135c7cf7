package dev.yolotrain.engine.model;

/** Spatial size of a feature map. */
public record Size2(long h, long w) {
    public long area() {
        return h * w;
    }
}
