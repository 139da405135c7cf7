package dev.yolotrain.engine.data;

import dev.yolotrain.engine.config.SafeYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a YOLOv5 data.yaml: {@code path} (relative to the yaml's folder; the folder when absent),
 * {@code train} and {@code val} (required), {@code test} (optional), each a path or a list of paths
 * relative to {@code path}; {@code names} as a list or an {@code {id: name}} map with ids 0..n-1;
 * {@code nc}, when given, must equal the number of names. Other keys ({@code download}, ...) are ignored.
 */
public final class DataConfigParser {

    private static final String[] SPLITS = {"train", "val", "test"};

    private DataConfigParser() {}

    public static DataConfig parse(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException("cannot read data.yaml " + file + ": " + describe(e));
        }
        Path abs = file.toAbsolutePath().normalize();
        return parse(text, abs.getParent(), abs);
    }

    /** Parses {@code text} as if it were the file {@code file} in folder {@code dir}. */
    public static DataConfig parse(String text, Path dir, Path file) {
        Map<?, ?> yaml = load(text, file);
        Path root = dir;
        Object p = yaml.get("path");
        if (p != null && !p.toString().isBlank()) {
            root = dir.resolve(path(p.toString(), file, "path")).normalize();
        }
        Map<String, List<Path>> splits = new LinkedHashMap<>();
        for (String split : SPLITS) {
            Object v = yaml.get(split);
            if (v == null || v.toString().isBlank() || (v instanceof List<?> l && l.isEmpty())) {
                if (!split.equals("test")) {
                    throw new DatasetException(file + ": '" + split + ":' is missing; a " + split + " split is required");
                }
                continue;
            }
            List<Path> sources = new ArrayList<>();
            for (Object s : v instanceof List<?> l ? l : List.of(v)) {
                if (s == null || s instanceof Map || s instanceof List) {
                    throw new DatasetException(file + ": '" + split + ":' must be a path or a list of paths");
                }
                sources.add(root.resolve(path(s.toString(), file, split)).normalize());
            }
            splits.put(split, sources);
        }
        List<String> names = names(yaml.get("names"), file);
        Object nc = yaml.get("nc");
        if (nc != null) {
            if (!(nc instanceof Integer n)) {
                throw new DatasetException(file + ": 'nc:' must be an integer, got '" + nc + "'");
            }
            if (n != names.size()) {
                throw new DatasetException(file + ": nc is " + n + " but 'names:' has " + names.size() + " names");
            }
        }
        return new DataConfig(file, root, splits, names);
    }

    private static Map<?, ?> load(String text, Path file) {
        Yaml yaml = SafeYaml.loader(20, 1 << 22);
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (YAMLException e) {
            throw new DatasetException(file + ": not valid YAML: " + e.getMessage().replaceAll("\\s+", " ").strip());
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new DatasetException(file + ": a data.yaml must be a YAML mapping (path, train, val, names)");
        }
        return map;
    }

    private static List<String> names(Object v, Path file) {
        if (v == null) {
            throw new DatasetException(file + ": 'names:' is missing (a list of class names or an {id: name} map)");
        }
        List<String> names = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                names.add(String.valueOf(o));
            }
        } else if (v instanceof Map<?, ?> map) {
            TreeMap<Integer, String> byId = new TreeMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof Integer id)) {
                    throw new DatasetException(file + ": 'names:' keys must be integers (0: car), got '" + e.getKey() + "'");
                }
                byId.put(id, String.valueOf(e.getValue()));
            }
            int expected = 0;
            for (Map.Entry<Integer, String> e : byId.entrySet()) {
                if (e.getKey() != expected++) {
                    throw new DatasetException(file + ": 'names:' ids must be 0.." + (byId.size() - 1) + " without gaps; found id " + e.getKey());
                }
                names.add(e.getValue());
            }
        } else {
            throw new DatasetException(file + ": 'names:' must be a list or an {id: name} map");
        }
        if (names.isEmpty()) {
            throw new DatasetException(file + ": 'names:' is empty");
        }
        return names;
    }

    private static Path path(String s, Path file, String key) {
        try {
            return Path.of(s.strip());
        } catch (InvalidPathException e) {
            throw new DatasetException(file + ": '" + key + ":' is not a valid path: " + s);
        }
    }

    static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
