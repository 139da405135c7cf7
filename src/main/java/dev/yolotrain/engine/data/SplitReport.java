package dev.yolotrain.engine.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The scan of one split.
 *
 * @param name train, val or test
 * @param sources the split's folders / list files / images as given in data.yaml
 * @param imagesFound image files found
 * @param labelsFound label files found (empty ones included), as YOLOv5 counts them
 * @param missing usable images without a label file (backgrounds)
 * @param empty usable images whose label file has no rows (backgrounds)
 * @param corrupt skipped images, each with the reason and the file it is about
 * @param duplicates label files from which duplicate rows were removed
 * @param instancesPerClass boxes per class id in the usable images (length nc)
 * @param images the usable images: labelled ones and backgrounds, sorted by path
 * @param fatal problems that make the split unusable (missing source, no images, class id ≥ nc)
 * @param warnings remarks for a person (duplicates removed, cache not writable)
 * @param cacheFile where the scan was cached, or null
 * @param fromCache true when this report was read from the cache, without decoding any image
 */
public record SplitReport(
        String name,
        List<Path> sources,
        int imagesFound,
        int labelsFound,
        int missing,
        int empty,
        List<Problem> corrupt,
        List<DuplicateRows> duplicates,
        int[] instancesPerClass,
        List<LabeledImage> images,
        List<Problem> fatal,
        List<String> warnings,
        Path cacheFile,
        boolean fromCache) {

    public SplitReport {
        sources = List.copyOf(sources);
        corrupt = List.copyOf(corrupt);
        duplicates = List.copyOf(duplicates);
        images = List.copyOf(images);
        fatal = List.copyOf(fatal);
        warnings = List.copyOf(warnings);
    }

    /** Images without boxes that are kept: missing + empty. */
    public int backgrounds() {
        return missing + empty;
    }

    public int instances() {
        int n = 0;
        for (int c : instancesPerClass) {
            n += c;
        }
        return n;
    }

    public boolean hasFatal() {
        return !fatal.isEmpty();
    }
}
