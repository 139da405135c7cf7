package dev.yolotrain.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model's state as YOLOv5 names it: export to host tensors and load back by name and shape. */
public final class StateDict {
    private StateDict() {}

    /** Every entry in YOLOv5 state_dict order: parameters, BatchNorm buffers, counters (int64 scalars). */
    public static LinkedHashMap<String, HostTensor> export(YoloNet net) {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        Map<String, Parameter> params = net.namedParameters();
        for (String key : net.graph().registry().stateKeys()) {
            Parameter p = params.get(key);
            if (p != null) {
                NDArray a = p.getArray();
                out.put(key, HostTensor.ofFloats(a.getShape().getShape(), a.toFloatArray()));
            } else {
                out.put(key, HostTensor.ofLongs(new long[0], new long[] {net.batchesTracked().getOrDefault(key, 0L)}));
            }
        }
        return out;
    }

    /**
     * Copies every source entry whose name and shape match a model entry, skipping model keys that
     * contain any of {@code excludeSubstrings}. The model must be initialized.
     */
    public static TransferReport load(YoloNet net, Map<String, HostTensor> source, Collection<String> excludeSubstrings) {
        Map<String, Parameter> params = net.namedParameters();
        List<String> stateKeys = net.graph().registry().stateKeys();
        List<String> excluded = new ArrayList<>();
        List<String> mismatch = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        int transferred = 0;
        try (NoGrad ignored = NoGrad.open()) {
            for (String key : stateKeys) {
                if (excludeSubstrings.stream().anyMatch(key::contains)) {
                    excluded.add(key);
                    continue;
                }
                HostTensor t = source.get(key);
                if (t == null) {
                    missing.add(key);
                    continue;
                }
                Parameter p = params.get(key);
                if (p == null) {
                    // num_batches_tracked: a scalar counter
                    if (t.numel() != 1 || t.shape().length != 0) {
                        mismatch.add(key);
                        continue;
                    }
                    net.batchesTracked().put(key, t.isFloatingPoint() ? (long) t.toFloatArray()[0] : t.toLongArray()[0]);
                    transferred++;
                    continue;
                }
                NDArray a = p.getArray();
                if (!Arrays.equals(a.getShape().getShape(), t.shape()) || !t.isFloatingPoint()) {
                    mismatch.add(key);
                    continue;
                }
                a.set(FloatBuffer.wrap(t.toFloatArray()));
                transferred++;
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : source.keySet()) {
            if (!stateKeys.contains(k)) {
                unexpected.add(k);
            }
        }
        return new TransferReport(transferred, stateKeys.size(), excluded, mismatch, missing, unexpected);
    }
}
