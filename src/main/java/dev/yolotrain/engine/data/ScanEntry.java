package dev.yolotrain.engine.data;

import java.nio.file.Path;

/**
 * What the scan learned about one image; this is what the cache stores (independent of nc, so the
 * class-id check is redone on every scan).
 *
 * @param problemFile the image or the label file the reason is about (CORRUPT only)
 * @param width upright width (after EXIF orientation); 0 when CORRUPT
 * @param maxClass largest integer class id in the label file, -1 when none
 */
record ScanEntry(
        Path image,
        Path label,
        Kind kind,
        Path problemFile,
        String reason,
        int width,
        int height,
        float[][] boxes,
        int duplicates,
        boolean labelExists,
        int maxClass) {

    enum Kind {
        /** Usable, with at least one box. */
        LABELED,
        /** Usable background: the label file exists but has no rows. */
        EMPTY,
        /** Usable background: no label file. */
        MISSING,
        /** Skipped; {@code reason} says why. */
        CORRUPT
    }

    static ScanEntry corrupt(Path image, Path label, boolean labelExists, Path file, String reason, int maxClass) {
        return new ScanEntry(image, label, Kind.CORRUPT, file, reason, 0, 0, new float[0][], 0, labelExists, maxClass);
    }
}
