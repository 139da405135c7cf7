package dev.yolotrain.engine.data;

import java.nio.file.Path;

/**
 * A usable image of a split.
 *
 * @param width upright width in pixels (after the EXIF orientation)
 * @param height upright height in pixels
 * @param boxes one row per object: {class, x, y, w, h}, normalised centre xywh; empty for a background
 */
public record LabeledImage(Path image, Path label, int width, int height, float[][] boxes) {

    public boolean isBackground() {
        return boxes.length == 0;
    }
}
