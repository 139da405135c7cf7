package dev.yolotrain.engine.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** One .npz case written by tools/make_loss_reference.py, read with DJL's own npz decoder. */
final class Reference {
    private final Map<String, NDArray> arrays = new HashMap<>();

    private Reference(NDList list) {
        for (NDArray a : list) {
            arrays.put(a.getName(), a);
        }
    }

    static Reference load(NDManager manager, String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/loss/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /loss/" + name);
            }
            return new Reference(NDList.decode(manager, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NDArray get(String key) {
        NDArray a = arrays.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no array " + key + " in reference; have " + arrays.keySet());
        }
        return a;
    }

    float[] floats(String key) {
        return get(key).toFloatArray();
    }

    /** hyp_raw / hyp_scaled: box, cls, cls_pw, obj, obj_pw, anchor_t, fl_gamma, label_smoothing. */
    LossHyp hyp(String key) {
        float[] h = floats(key);
        return new LossHyp(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]);
    }

    int meta(int i) {
        return Math.round(floats("meta")[i]);
    }
}
