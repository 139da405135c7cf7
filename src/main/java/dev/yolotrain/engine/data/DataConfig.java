package dev.yolotrain.engine.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed data.yaml.
 *
 * @param file the data.yaml itself
 * @param root the dataset root ({@code path:}, resolved against the yaml's folder; the folder when absent)
 * @param splits split name ({@code train}, {@code val}, optionally {@code test}) → its sources (folders,
 *     list files or images), resolved against {@code root}, in that order
 * @param names class names, index = class id
 */
public record DataConfig(Path file, Path root, Map<String, List<Path>> splits, List<String> names) {

    public DataConfig {
        Map<String, List<Path>> copy = new LinkedHashMap<>();
        splits.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        splits = Collections.unmodifiableMap(copy);
        names = List.copyOf(names);
    }

    public int nc() {
        return names.size();
    }

    public List<Path> train() {
        return splits.getOrDefault("train", List.of());
    }

    public List<Path> val() {
        return splits.getOrDefault("val", List.of());
    }

    /** Empty when the yaml has no {@code test:}. */
    public List<Path> test() {
        return splits.getOrDefault("test", List.of());
    }
}
