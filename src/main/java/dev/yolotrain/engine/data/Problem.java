package dev.yolotrain.engine.data;

import java.nio.file.Path;

/**
 * Why an image was skipped, or a fatal problem.
 *
 * @param image the image concerned (null for a problem with a whole split)
 * @param file the file the reason is about: the image, its label file, or a split source / labels folder
 * @param reason what is wrong, for a person; for a whole-split problem it names the split and the path itself
 */
public record Problem(Path image, Path file, String reason) {

    @Override
    public String toString() {
        return file == null || image == null ? reason : file + ": " + reason;
    }
}
