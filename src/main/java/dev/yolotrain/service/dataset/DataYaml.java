package dev.yolotrain.service.dataset;

import dev.yolotrain.engine.config.SafeYaml;
import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DataConfigParser;
import dev.yolotrain.engine.data.DatasetException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds and reads an uploaded dataset's data.yaml with a safe loader (plain maps, lists and scalars only:
 * no global tags, no Java types; few aliases; size-limited), keeps every split inside the archive, and
 * hands the result to the engine's parser.
 */
final class DataYaml {
    private static final int MAX_CHARS = 1 << 20;

    private DataYaml() {}

    /** data.yaml (or data.yml) at the top of the archive or in its single top folder. */
    static Path find(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, 2)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return Files.isRegularFile(p) && (n.equals("data.yaml") || n.equals("data.yml"));
            }).forEach(found::add);
        }
        if (found.isEmpty()) {
            throw UploadRejected.invalidDataset("no data.yaml found at the top of the archive or in its top folder");
        }
        if (found.size() > 1) {
            throw UploadRejected.invalidDataset("more than one data.yaml in the archive: "
                    + found.stream().map(p -> root.relativize(p).toString()).toList());
        }
        return found.get(0);
    }

    /** Parses the data.yaml; a {@code path:} outside the archive is refused, as is any split outside it. */
    static DataConfig read(Path root, Path file) throws IOException {
        if (Files.size(file) > MAX_CHARS) {
            throw UploadRejected.invalidDataset("data.yaml is larger than 1 MiB");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Map<?, ?> doc = load(text);
        Map<Object, Object> clean = new LinkedHashMap<>(doc);
        Object p = clean.get("path");
        if (p != null && !p.toString().isBlank()) {
            Path resolved = file.getParent().resolve(p.toString().strip()).normalize();
            if (!resolved.startsWith(root)) {
                throw UploadRejected.invalidDataset("data.yaml 'path: " + p + "' points outside the archive; leave it out"
                        + " (splits are then relative to data.yaml) or give a folder inside the archive").with("key", "path");
            }
        }
        DataConfig cfg;
        try {
            cfg = DataConfigParser.parse(dump(clean), file.getParent(), file);
        } catch (DatasetException e) {
            throw UploadRejected.invalidDataset(relative(root, e.getMessage()));
        }
        for (Map.Entry<String, List<Path>> split : cfg.splits().entrySet()) {
            for (Path s : split.getValue()) {
                if (!s.normalize().startsWith(root)) {
                    throw UploadRejected.invalidDataset("data.yaml '" + split.getKey() + ":' points outside the archive")
                            .with("key", split.getKey());
                }
            }
        }
        return cfg;
    }

    static Map<?, ?> load(String text) {
        Yaml yaml = SafeYaml.loader(10, MAX_CHARS);
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (YAMLException e) {
            throw UploadRejected.invalidDataset("data.yaml is not valid (safe) YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw UploadRejected.invalidDataset("data.yaml must be a YAML mapping with train, val and names");
        }
        return map;
    }

    static String dump(Map<?, ?> map) {
        return SafeYaml.dumper().dump(map);
    }

    /** Messages carry absolute paths of the temporary folder: show them relative to the archive. */
    static String relative(Path root, String message) {
        return message == null ? null : message.replace(root.toString() + "/", "").replace(root.toString(), ".");
    }
}
