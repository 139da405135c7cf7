package dev.yolotrain.service.job;

import dev.yolotrain.engine.config.SafeYaml;
import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.config.HypParser;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.config.ModelConfigParser;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.service.api.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/** The checks of a submission that need no database: sizes, hyp (engine rules), model, options. */
final class JobValidation {
    private static final Pattern KEY = Pattern.compile("'([A-Za-z_0-9]+)'");

    private JobValidation() {}

    static int range(Integer v, int dflt, int min, int max, String field) {
        int x = v == null ? dflt : v;
        if (x < min || x > max) {
            throw ApiException.badRequest("invalid-field", field + " must be between " + min + " and " + max + ", got " + x)
                    .with("field", field);
        }
        return x;
    }

    static int imgSize(Integer v) {
        int x = range(v, 640, 32, 4096, "imgSize");
        if (x % 32 != 0) {
            throw ApiException.badRequest("invalid-field", "imgSize must be a multiple of 32 (the model's max stride), got " + x)
                    .with("field", "imgSize");
        }
        return x;
    }

    /** Validated hyp: the keys the user gave, as numbers. The engine's strict rules; the problem names the key. */
    static Map<String, Double> hyp(Map<String, ?> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        Hyp hyp;
        try {
            hyp = HypParser.fromMap(given, "hyp");
        } catch (ConfigException e) {
            Matcher m = KEY.matcher(e.getMessage());
            ApiException ex = ApiException.badRequest("invalid-hyp", e.getMessage()).with("field", "hyp");
            return throwWithKey(ex, m);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String k : given.keySet()) {
            out.put(k, hyp.get(k));
        }
        return out;
    }

    private static Map<String, Double> throwWithKey(ApiException ex, Matcher m) {
        if (m.find()) {
            ex.with("key", m.group(1));
        }
        throw ex;
    }

    /** A hyp.yaml file's text → the key map (safe loader), then {@link #hyp}. */
    static Map<String, Double> hypYaml(String text) {
        Yaml yaml = SafeYaml.loader(10, 1 << 20);
        Object doc;
        try {
            doc = yaml.load(text);
        } catch (YAMLException e) {
            throw ApiException.badRequest("invalid-hyp", "hyp.yaml is not valid YAML: " + e.getMessage().replaceAll("\\s+", " "))
                    .with("field", "hyp");
        }
        if (doc == null) {
            return Map.of();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("invalid-hyp", "hyp.yaml must be a mapping of key: number").with("field", "hyp");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(String.valueOf(k), v));
        return hyp(m);
    }

    /** A built-in name, or yml text that parses and builds with the dataset's classes. Returns the yml (null for built-ins). */
    static String model(String model, int nc) {
        String m = model == null || model.isBlank() ? "yolov5n" : model.strip();
        if (BuiltinModels.NAMES.contains(m.replaceAll("\\.ya?ml$", ""))) {
            return null;
        }
        if (!m.contains("\n") && !m.contains(":")) {
            throw ApiException.badRequest("invalid-model", "model must be a built-in name " + BuiltinModels.NAMES
                    + " or the text of a yolov5*.yml, got '" + m + "'").with("field", "model");
        }
        try {
            ModelConfig cfg = ModelConfigParser.parse(model, "model.yml").withNc(nc);
            ModelBuilder.build(cfg);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("invalid-model", "model yml: " + e.getMessage()).with("field", "model");
        }
        return model;
    }

    static void options(JobRequest r) {
        if (r.optimizer() != null && !List.of("SGD", "Adam", "AdamW").contains(r.optimizer())) {
            throw ApiException.badRequest("invalid-field", "optimizer must be SGD, Adam or AdamW").with("field", "optimizer");
        }
        if (r.labelSmoothing() != null && !(r.labelSmoothing() >= 0 && r.labelSmoothing() < 1)) {
            throw ApiException.badRequest("invalid-field", "labelSmoothing must be in [0, 1)").with("field", "labelSmoothing");
        }
        range(r.patience(), 0, 0, 100000, "patience");
        range(r.savePeriod(), -1, -1, 100000, "savePeriod");
        range(r.workers(), 0, 0, 64, "workers");
        if (r.freeze() != null && r.freeze().stream().anyMatch(x -> x == null || x < 0 || x > 1000)) {
            throw ApiException.badRequest("invalid-field", "freeze must list layer indices >= 0").with("field", "freeze");
        }
    }
}
