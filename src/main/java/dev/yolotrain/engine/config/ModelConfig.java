package dev.yolotrain.engine.config;

import java.util.List;

/**
 * A parsed yolov5*.yml.
 *
 * @param nc number of classes
 * @param depthMultiple scales repeat counts
 * @param widthMultiple scales channel counts
 * @param anchors per output level, (w, h) pairs in pixels; empty lists when only a count was given
 * @param anchorsPerLevel anchors per level
 * @param layers backbone then head
 * @param source where it came from (file name or "inline"), for messages
 * @param text the yml text itself, so a checkpoint can carry its architecture
 */
public record ModelConfig(
        int nc,
        double depthMultiple,
        double widthMultiple,
        List<double[]> anchors,
        int anchorsPerLevel,
        List<LayerSpec> layers,
        String source,
        String text) {

    /** The same architecture with another class count (data.yaml's nc wins over the yml's). */
    public ModelConfig withNc(int newNc) {
        if (newNc < 1) {
            throw new ConfigException("nc must be >= 1, got " + newNc);
        }
        return new ModelConfig(newNc, depthMultiple, widthMultiple, anchors, anchorsPerLevel, layers, source, text);
    }
}
