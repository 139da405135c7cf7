package dev.yolotrain.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads hyp.yaml strictly: unknown keys, non-numbers, NaN/inf and out-of-range values are errors
 * that name the key; keys left out take YOLOv5's scratch-low defaults.
 */
public final class HypParser {
    private HypParser() {}

    public static Hyp parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read hyp file " + file + ": " + e.getMessage(), e);
        }
    }

    public static Hyp parse(String text, String source) {
        Yaml yaml = SafeYaml.loader(10, 1 << 20);
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (YAMLException e) {
            throw new ConfigException(source + ": invalid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        if (doc == null) {
            doc = Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new ConfigException(source + ": a hyp file must be a mapping of key: number");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            m.put(String.valueOf(e.getKey()), e.getValue());
        }
        return fromMap(m, source);
    }

    /** Validates a key→value map (from YAML or JSON). Values may be numbers or numeric strings. */
    public static Hyp fromMap(Map<String, ?> in, String source) {
        Map<String, HypKey> known = new LinkedHashMap<>();
        for (HypKey k : Hyp.KEYS) {
            known.put(k.name(), k);
        }
        List<String> errors = new ArrayList<>();
        for (String key : in.keySet()) {
            if (!known.containsKey(key)) {
                errors.add("unknown hyp key '" + key + "' (known: " + String.join(", ", known.keySet()) + ")");
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        Set<String> explicit = new HashSet<>();
        for (HypKey k : Hyp.KEYS) {
            if (!in.containsKey(k.name())) {
                values.put(k.name(), k.dflt());
                continue;
            }
            Object raw = in.get(k.name());
            Double v = toDouble(raw);
            if (v == null) {
                errors.add("hyp '" + k.name() + "' must be a number, got " + (raw == null ? "nothing" : "'" + raw + "'"));
                continue;
            }
            String err = k.check(v);
            if (err != null) {
                errors.add(err);
                continue;
            }
            values.put(k.name(), v);
            explicit.add(k.name());
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(source + ": " + String.join("; ", errors));
        }
        return new Hyp(values, explicit);
    }

    private static Double toDouble(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.equals(".nan") || t.equals("nan")) {
                return Double.NaN;
            }
            if (t.equals(".inf") || t.equals("inf") || t.equals("+.inf")) {
                return Double.POSITIVE_INFINITY;
            }
            if (t.equals("-.inf") || t.equals("-inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
