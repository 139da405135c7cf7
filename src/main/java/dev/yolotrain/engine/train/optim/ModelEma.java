package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.model.NoGrad;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * YOLOv5's ModelEMA: a second model (same graph, same device) holding ema = d·ema + (1 − d)·model over
 * every floating state entry (parameters, BatchNorm running mean/var, anchors) after each optimizer
 * step, with d = 0.9999·(1 − exp(−updates/2000)) and updates counted before d is computed. Integer
 * entries (num_batches_tracked) are not averaged and, as in YOLOv5, keep the value they had when the
 * EMA was created or imported.
 */
public final class ModelEma {
    public static final double DECAY = 0.9999;
    public static final double TAU = 2000;

    private final YoloNet ema;
    private long updates;

    /**
     * Makes {@code ema} (an initialized model of the same graph) a copy of {@code model}, like YOLOv5's
     * deepcopy, with gradients off on its arrays and 0 updates.
     */
    public ModelEma(YoloNet ema, YoloNet model) {
        this(ema, StateDict.export(model), 0);
    }

    /** An EMA restored from a checkpoint: its state dict and update count. */
    public ModelEma(YoloNet ema, Map<String, HostTensor> state, long updates) {
        this.ema = ema;
        for (Parameter p : ema.namedParameters().values()) {
            if (p.getArray().hasGradient()) {
                p.getArray().setRequiresGradient(false);
            }
        }
        importState(state, updates);
    }

    public YoloNet ema() {
        return ema;
    }

    public long updates() {
        return updates;
    }

    /** d(updates). */
    public static double decay(long updates) {
        return DECAY * (1 - Math.exp(-updates / TAU));
    }

    /** One EMA update from {@code model}'s current state. */
    public void update(YoloNet model) {
        updates++;
        blend(ema.namedParameters(), model.namedParameters(), decay(updates));
    }

    /** ema = d·ema + (1 − d)·model for every entry of {@code ema}, in place, autograd off. */
    static void blend(Map<String, Parameter> ema, Map<String, Parameter> model, double d) {
        try (NoGrad ignored = NoGrad.open()) {
            for (Map.Entry<String, Parameter> e : ema.entrySet()) {
                Parameter m = model.get(e.getKey());
                if (m == null) {
                    throw new IllegalArgumentException("model has no entry " + e.getKey());
                }
                NDArray v = e.getValue().getArray();
                v.muli(d);
                try (NDArray t = m.getArray().mul(1 - d)) {
                    v.addi(t);
                }
            }
        }
    }

    /** The EMA model's state dict (YOLOv5's ckpt['ema']); the update count is {@link #updates()}. */
    public LinkedHashMap<String, HostTensor> exportState() {
        return StateDict.export(ema);
    }

    /**
     * Loads a state dict into the EMA model and sets the update count.
     *
     * @throws IllegalArgumentException when any entry is missing or does not fit
     */
    public void importState(Map<String, HostTensor> state, long updateCount) {
        TransferReport r = StateDict.load(ema, state, List.of());
        if (!r.shapeMismatch().isEmpty() || !r.missing().isEmpty()) {
            throw new IllegalArgumentException("EMA state does not fit the model: " + r);
        }
        this.updates = updateCount;
    }
}
