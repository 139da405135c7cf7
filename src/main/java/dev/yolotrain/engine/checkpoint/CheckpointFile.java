package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.SafeTensors;
import dev.yolotrain.engine.io.TensorFile;
import dev.yolotrain.engine.io.TensorFileException;
import dev.yolotrain.engine.io.TensorFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a {@link Checkpoint} as one .safetensors file: tensors under {@code model/}, {@code ema/},
 * {@code optimizer/} and {@code grad/} (pending gradients) prefixes, everything else as JSON strings in the metadata. Any
 * safetensors tool can read it; float32 keeps resume exact.
 */
public final class CheckpointFile {
    public static final String FORMAT_KEY = "yolotrain.format";
    public static final String FORMAT = "checkpoint-1";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private CheckpointFile() {}

    public static void write(Path file, Checkpoint c) {
        LinkedHashMap<String, HostTensor> tensors = new LinkedHashMap<>();
        c.model().forEach((k, v) -> tensors.put("model/" + k, v));
        if (c.ema() != null) {
            c.ema().forEach((k, v) -> tensors.put("ema/" + k, v));
        }
        c.optimizer().forEach((k, v) -> tensors.put("optimizer/" + k, v));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(FORMAT_KEY, FORMAT);
        meta.put("cfg", c.cfgYaml());
        meta.put("names", JSON.writeValueAsString(c.names()));
        meta.put("ema_updates", Long.toString(c.emaUpdates()));
        meta.put("optimizer", c.optimizerName() == null ? "" : c.optimizerName());
        meta.put("epoch", Integer.toString(c.epoch()));
        meta.put("best_fitness", Double.toString(c.bestFitness()));
        meta.put("hyp", JSON.writeValueAsString(c.hyp()));
        meta.put("opt", JSON.writeValueAsString(c.options()));
        meta.put("results_csv", c.resultsCsv() == null ? "" : c.resultsCsv());
        TrainState st = c.state();
        if (st != null) {
            st.pendingGrads().forEach((k, v) -> tensors.put("grad/" + k, v));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("next_batch", st.nextBatch());
            s.put("last_opt_step", st.lastOptStep());
            s.put("accumulate", st.accumulate());
            s.put("mean_loss", st.meanLoss());
            s.put("seen", st.seen());
            s.put("lr", st.lr());
            s.put("momentum", st.momentum());
            s.put("class_maps", st.classMaps());
            s.put("stopper_epoch", st.stopperEpoch());
            s.put("stopper_fitness", st.stopperFitness());
            meta.put("train_state", JSON.writeValueAsString(s));
        }
        SafeTensors.write(file, tensors, meta);
    }

    /** True when the file is one of ours (rather than a plain exported state dict). */
    public static boolean isCheckpoint(TensorFile f) {
        return FORMAT.equals(f.metadata().get(FORMAT_KEY));
    }

    public static Checkpoint read(Path file) {
        TensorFile f = TensorFiles.read(file);
        if (!isCheckpoint(f)) {
            throw new TensorFileException(file + " is not a yolotrain checkpoint (no " + FORMAT_KEY + " metadata)");
        }
        return fromFile(f);
    }

    static Checkpoint fromFile(TensorFile f) {
        LinkedHashMap<String, HostTensor> model = new LinkedHashMap<>();
        LinkedHashMap<String, HostTensor> ema = new LinkedHashMap<>();
        LinkedHashMap<String, HostTensor> optim = new LinkedHashMap<>();
        LinkedHashMap<String, HostTensor> grads = new LinkedHashMap<>();
        f.tensors().forEach((k, v) -> {
            if (k.startsWith("model/")) {
                model.put(k.substring(6), v);
            } else if (k.startsWith("ema/")) {
                ema.put(k.substring(4), v);
            } else if (k.startsWith("optimizer/")) {
                optim.put(k.substring(10), v);
            } else if (k.startsWith("grad/")) {
                grads.put(k.substring(5), v);
            }
        });
        Map<String, String> m = f.metadata();
        return new Checkpoint(
                m.getOrDefault("cfg", ""),
                JSON.readValue(m.getOrDefault("names", "[]"), LIST),
                model,
                ema.isEmpty() ? null : ema,
                Long.parseLong(m.getOrDefault("ema_updates", "0")),
                m.getOrDefault("optimizer", ""),
                optim,
                Integer.parseInt(m.getOrDefault("epoch", "-1")),
                Double.parseDouble(m.getOrDefault("best_fitness", "0")),
                JSON.readValue(m.getOrDefault("hyp", "{}"), MAP),
                JSON.readValue(m.getOrDefault("opt", "{}"), MAP),
                m.getOrDefault("results_csv", ""),
                state(m.get("train_state"), grads));
    }

    private static TrainState state(String json, LinkedHashMap<String, HostTensor> grads) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        Map<String, Object> s = JSON.readValue(json, MAP);
        return new TrainState(((Number) s.get("next_batch")).intValue(), ((Number) s.get("last_opt_step")).longValue(),
                ((Number) s.get("accumulate")).intValue(), doubles(s.get("mean_loss")), ((Number) s.get("seen")).intValue(),
                doubles(s.get("lr")), doubles(s.get("momentum")), grads, doubles(s.get("class_maps")),
                s.get("stopper_epoch") instanceof Number n ? n.intValue() : 0,
                s.get("stopper_fitness") instanceof Number f ? f.doubleValue() : 0.0);
    }

    private static double[] doubles(Object o) {
        if (!(o instanceof List<?> l)) {
            return null;
        }
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) l.get(i)).doubleValue();
        }
        return d;
    }
}
