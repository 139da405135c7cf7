package dev.yolotrain.engine.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The contents of a tensor file: named tensors in file order and string metadata (safetensors
 * "__metadata__"; empty for .npz). The maps are copied on construction, so the record owns them.
 */
public record TensorFile(LinkedHashMap<String, HostTensor> tensors, Map<String, String> metadata) {

    public TensorFile {
        tensors = new LinkedHashMap<>(Objects.requireNonNull(tensors, "tensors"));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(metadata, "metadata")));
    }
}
