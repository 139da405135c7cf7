package dev.yolotrain.engine.model;

import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.config.ModelConfigParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Resolves a model name (yolov5n … yolov5x, v4/yolov5s) or a yml path to a {@link ModelConfig}. */
public final class BuiltinModels {
    public static final List<String> NAMES = List.of("yolov5n", "yolov5s", "yolov5m", "yolov5l", "yolov5x", "v4/yolov5s", "v3/yolov5s");

    private BuiltinModels() {}

    /** A file path if it exists, else a built-in name with or without ".yml"/".yaml". */
    public static ModelConfig load(String nameOrPath) {
        Path p = Path.of(nameOrPath);
        if (Files.isRegularFile(p)) {
            return ModelConfigParser.parse(p);
        }
        String base = nameOrPath.replaceAll("\\.ya?ml$", "");
        if (!NAMES.contains(base)) {
            throw new ConfigException("model config '" + nameOrPath + "' is neither a file nor a built-in model " + NAMES);
        }
        try (InputStream in = BuiltinModels.class.getResourceAsStream("/models/" + base + ".yml")) {
            if (in == null) {
                throw new ConfigException("built-in model " + base + " is missing from the jar");
            }
            return ModelConfigParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), base + ".yml");
        } catch (IOException e) {
            throw new ConfigException("cannot read built-in model " + base + ": " + e.getMessage(), e);
        }
    }
}
