package dev.yolotrain.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import dev.yolotrain.engine.config.SafeYaml;

/** A run's folder as YOLOv5 lays it out: hyp.yaml, opt.yaml, results.csv, weights/{last,best}. */
public final class RunDirectory {
    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** project/name, or project/name2, name3 … when it exists and existOk is false (YOLOv5's increment_path). */
    public static RunDirectory create(Path project, String name, boolean existOk) {
        Path p = project.resolve(name);
        if (!existOk && Files.exists(p)) {
            for (int n = 2; ; n++) {
                Path c = project.resolve(name + n);
                if (!Files.exists(c)) {
                    p = c;
                    break;
                }
            }
        }
        return open(p);
    }

    public static RunDirectory open(Path dir) {
        try {
            Files.createDirectories(dir.resolve("weights"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + dir, e);
        }
        return new RunDirectory(dir);
    }

    public Path dir() {
        return dir;
    }

    public Path last() {
        return dir.resolve("weights/last.safetensors");
    }

    public Path best() {
        return dir.resolve("weights/best.safetensors");
    }

    public Path epochCheckpoint(int epoch) {
        return dir.resolve("weights/epoch" + epoch + ".safetensors");
    }

    /** Every finished epoch's full results (timing included), one JSON object per line; see {@link EpochLog}. */
    public Path epochLog() {
        return dir.resolve("epochs.jsonl");
    }

    public Path results() {
        return dir.resolve("results.csv");
    }

    public void writeYaml(String file, Map<String, ?> values) {
        try {
            Files.writeString(dir.resolve(file), SafeYaml.dumper().dump(values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
