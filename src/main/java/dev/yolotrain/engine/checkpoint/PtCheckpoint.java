package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.config.SafeYaml;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.TensorFileException;
import dev.yolotrain.engine.io.TorchArchive;
import dev.yolotrain.engine.io.pickle.PyObject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A YOLOv5 .pt as train.py and export.py write it (torch.save of a dict holding the pickled model), or a
 * pickled model, or a torch.save'd state dict. Read as data ({@link TorchArchive}): the state dict comes from
 * walking the modules' {@code _parameters}, {@code _buffers} and {@code _modules}, as PyTorch names them, and
 * the architecture from the model's {@code yaml} dict. Like train.py's --weights it takes {@code ckpt['model']}
 * (a finished run keeps its EMA weights there), else {@code ckpt['ema']}.
 *
 * @param stateDict tensors by YOLOv5 name, in the model's order (fp16 as stored)
 * @param cfgYaml the model's yaml dict as YAML text, or null when the file has none (a bare state dict)
 */
public record PtCheckpoint(LinkedHashMap<String, HostTensor> stateDict, String cfgYaml) {

    public static PtCheckpoint read(Path file) {
        Object root = TorchArchive.read(file);
        Object model = root;
        if (root instanceof Map<?, ?> m && (m.containsKey("model") || m.containsKey("ema"))) {
            model = m.get("model") != null ? m.get("model") : m.get("ema");
        }
        if (model instanceof PyObject module && module.state() instanceof Map<?, ?> state && state.containsKey("_modules")) {
            LinkedHashMap<String, HostTensor> sd = new LinkedHashMap<>();
            walk(module, "", sd, file);
            Object yaml = state.get("yaml");
            return new PtCheckpoint(sd, yaml instanceof Map<?, ?> y ? SafeYaml.dumper().dump(y) : null);
        }
        if (model instanceof Map<?, ?> m && !m.isEmpty() && m.values().stream().allMatch(v -> v instanceof HostTensor)) {
            LinkedHashMap<String, HostTensor> sd = new LinkedHashMap<>();
            m.forEach((k, v) -> sd.put(String.valueOf(k), (HostTensor) v));
            return new PtCheckpoint(sd, null);
        }
        throw new TensorFileException(file + ": holds neither a model nor a state dict (found " + describe(model) + ")");
    }

    private static void walk(PyObject module, String prefix, Map<String, HostTensor> out, Path file) {
        if (!(module.state() instanceof Map<?, ?> state)) {
            throw new TensorFileException(file + ": module " + prefix + " (" + module.type() + ") has no state");
        }
        put(state.get("_parameters"), prefix, Set.of(), out, file);
        Set<?> nonPersistent = state.get("_non_persistent_buffers_set") instanceof Set<?> s ? s : Set.of();
        put(state.get("_buffers"), prefix, nonPersistent, out, file);
        if (state.get("_modules") instanceof Map<?, ?> children) {
            for (Map.Entry<?, ?> c : children.entrySet()) {
                if (c.getValue() instanceof PyObject child) {
                    walk(child, prefix + c.getKey() + ".", out, file);
                }
            }
        }
    }

    private static void put(Object tensors, String prefix, Set<?> skip, Map<String, HostTensor> out, Path file) {
        if (!(tensors instanceof Map<?, ?> m)) {
            return;
        }
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getValue() == null || skip.contains(e.getKey())) {
                continue;
            }
            if (!(e.getValue() instanceof HostTensor t)) {
                throw new TensorFileException(file + ": " + prefix + e.getKey() + " is not a tensor (" + describe(e.getValue()) + ")");
            }
            out.put(prefix + e.getKey(), t);
        }
    }

    private static String describe(Object o) {
        return o == null ? "None" : o instanceof PyObject p ? p.type() : o.getClass().getSimpleName();
    }
}
