package dev.yolotrain.service.worker;

import dev.yolotrain.engine.config.SafeYaml;
import dev.yolotrain.service.dataset.Dataset;
import dev.yolotrain.service.job.TrainingJob;
import dev.yolotrain.service.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Writes a job's inputs into its folder (data.yaml pointing at the dataset, hyp.yaml, model.yml) and makes the train arguments. */
final class JobWorkspace {
    private final Storage storage;
    private final ObjectMapper json;

    JobWorkspace(Storage storage, ObjectMapper json) {
        this.storage = storage;
        this.json = json;
    }

    Path lastCheckpoint(TrainingJob job) {
        return storage.runDir(job.getId()).resolve("weights").resolve("last.safetensors");
    }

    List<String> trainArgs(TrainingJob job, Dataset d, String device, int defaultWorkers) throws IOException {
        Path dir = storage.jobDir(job.getId());
        Files.createDirectories(dir);
        List<String> a = new ArrayList<>(List.of("train", "--events", "jsonl", "--project", dir.toString(), "--name", "run", "--exist-ok",
                "--data", writeDataYaml(dir, d).toString(), "--epochs", String.valueOf(job.getEpochs()),
                "--batch-size", String.valueOf(job.getBatchSize()), "--img", String.valueOf(job.getImgSize()), "--device", device));
        Path last = lastCheckpoint(job);
        if (Files.isRegularFile(last)) {
            a.addAll(List.of("--resume", last.toString()));
            return a;
        }
        storage.delete(storage.runDir(job.getId()));
        if (job.getModelYaml() != null) {
            Path m = dir.resolve("model.yml");
            Files.writeString(m, job.getModelYaml(), StandardCharsets.UTF_8);
            a.addAll(List.of("--cfg", m.toString()));
        } else {
            a.addAll(List.of("--cfg", job.getModel()));
        }
        JsonNode hyp = json.readTree(job.getHyp());
        if (hyp.size() > 0) {
            Map<String, Object> m = new LinkedHashMap<>();
            hyp.properties().forEach(e -> m.put(e.getKey(), e.getValue().asDouble()));
            Path h = dir.resolve("hyp.yaml");
            Files.writeString(h, SafeYaml.dumper().dump(m), StandardCharsets.UTF_8);
            a.addAll(List.of("--hyp", h.toString()));
        }
        if (job.getWeights() != null) {
            a.addAll(List.of("--weights", weightsPath(job.getWeights()).toString()));
        }
        options(json.readTree(job.getOptions()), a, defaultWorkers);
        return a;
    }

    private Path weightsPath(String ref) {
        String[] p = ref.split("/");
        if (p[0].equals("jobs")) {
            return storage.runDir(java.util.UUID.fromString(p[1])).resolve("weights").resolve(p[2] + ".safetensors");
        }
        java.util.UUID id = java.util.UUID.fromString(p[1]);
        for (String format : List.of("safetensors", "npz")) {
            Path f = storage.weightFile(id, format);
            if (Files.exists(f)) {
                return f;
            }
        }
        return storage.weightFile(id, "pt");
    }

    private static void options(JsonNode o, List<String> a, int defaultWorkers) {
        flag(o, "rect", "--rect", a);
        flag(o, "cosLr", "--cos-lr", a);
        flag(o, "singleCls", "--single-cls", a);
        flag(o, "imageWeights", "--image-weights", a);
        flag(o, "multiScale", "--multi-scale", a);
        flag(o, "noval", "--noval", a);
        flag(o, "nosave", "--nosave", a);
        flag(o, "noautoanchor", "--noautoanchor", a);
        if (o.path("cache").asBoolean(false)) {
            a.addAll(List.of("--cache", "ram"));
        }
        value(o, "optimizer", "--optimizer", a);
        value(o, "labelSmoothing", "--label-smoothing", a);
        value(o, "patience", "--patience", a);
        value(o, "savePeriod", "--save-period", a);
        value(o, "seed", "--seed", a);
        if (o.has("freeze")) {
            List<String> f = new ArrayList<>();
            o.get("freeze").forEach(x -> f.add(x.asString()));
            a.addAll(List.of("--freeze", String.join(",", f)));
        }
        int w = o.has("workers") ? o.get("workers").asInt() : defaultWorkers;
        a.addAll(List.of("--workers", String.valueOf(w)));
    }

    private static void flag(JsonNode o, String key, String opt, List<String> a) {
        if (o.path(key).asBoolean(false)) {
            a.add(opt);
        }
    }

    private static void value(JsonNode o, String key, String opt, List<String> a) {
        if (o.has(key)) {
            a.addAll(List.of(opt, o.get(key).asString()));
        }
    }

    private Path writeDataYaml(Path dir, Dataset d) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", storage.datasetDir(d.getId()).resolve(d.getRootRel()).normalize().toString());
        json.readTree(d.getSplits()).properties().forEach(e -> {
            List<String> srcs = new ArrayList<>();
            e.getValue().forEach(x -> srcs.add(x.asString()));
            m.put(e.getKey(), srcs.size() == 1 ? srcs.get(0) : srcs);
        });
        m.put("names", List.of(json.readValue(d.getNames(), String[].class)));
        Path f = dir.resolve("data.yaml");
        Files.writeString(f, SafeYaml.dumper().dump(m), StandardCharsets.UTF_8);
        return f;
    }

}
