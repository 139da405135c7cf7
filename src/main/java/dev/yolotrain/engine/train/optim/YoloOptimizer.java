package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.model.NoGrad;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * YOLOv5's optimizer over {@link ParamGroups}: per-group lr, momentum and weight decay, updated in
 * place on each parameter's device with autograd off. {@link #step()} updates every parameter that has
 * a gradient and then zeroes the gradients; gradients of several backward passes accumulate until then.
 * State (momentum buffers, Adam moments, step counts) is kept per parameter name, exported as host
 * tensors under {@code <name>/<torch state key>}. Not thread safe; close it to free its state.
 */
public abstract class YoloOptimizer implements AutoCloseable {
    private final OptimizerKind kind;
    private final ParamGroups groups;
    private final List<Parameter> params = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final int[] groupOf;
    private final double[] lr = new double[ParamGroups.COUNT];
    private final double[] momentum = new double[ParamGroups.COUNT];
    private final double[] weightDecay = new double[ParamGroups.COUNT];
    private NDManager stateManager;

    YoloOptimizer(OptimizerKind kind, ParamGroups groups, Map<String, Parameter> byName, double lr0, double momentum0) {
        this.kind = kind;
        this.groups = groups;
        List<Integer> gs = new ArrayList<>();
        for (int g = 0; g < ParamGroups.COUNT; g++) {
            for (String n : groups.group(g)) {
                Parameter p = byName.get(n);
                if (p == null) {
                    throw new IllegalArgumentException("no parameter " + n);
                }
                params.add(p);
                names.add(n);
                gs.add(g);
            }
        }
        groupOf = gs.stream().mapToInt(Integer::intValue).toArray();
        Arrays.fill(lr, lr0);
        Arrays.fill(momentum, momentum0);
    }

    /**
     * YOLOv5's smart_optimizer: every group starts at lr0 and {@code momentum} (Adam/AdamW: beta1, fixed
     * for good); group 1 gets {@code weightDecay}, already scaled (see {@link NominalBatch#scaledWeightDecay}),
     * groups 0 and 2 none.
     */
    public static YoloOptimizer create(OptimizerKind kind, ParamGroups groups, Map<String, Parameter> params,
                                       double lr0, double momentum, double weightDecay) {
        YoloOptimizer o = switch (kind) {
            case SGD -> new SgdOptimizer(groups, params, lr0, momentum);
            case ADAM -> new AdamOptimizer(kind, groups, params, lr0, momentum, false);
            case ADAMW -> new AdamOptimizer(kind, groups, params, lr0, momentum, true);
        };
        o.setWeightDecay(ParamGroups.DECAY, weightDecay);
        return o;
    }

    public OptimizerKind kind() {
        return kind;
    }

    public ParamGroups groups() {
        return groups;
    }

    /** The parameters' names, in the order of {@link #parameters()}. */
    public List<String> parameterNames() {
        return java.util.Collections.unmodifiableList(names);
    }

    /** The updated parameters, group by group. */
    public List<Parameter> parameters() {
        return java.util.Collections.unmodifiableList(params);
    }

    public double lr(int group) {
        return lr[group];
    }

    public void setLr(int group, double value) {
        lr[group] = value;
    }

    /** Learning rates of groups 0, 1, 2 (YOLOv5's x/lr0, x/lr1, x/lr2). */
    public double[] lrs() {
        return lr.clone();
    }

    public double momentum(int group) {
        return momentum[group];
    }

    /**
     * Sets a group's momentum. Only SGD uses it: as in YOLOv5, whose warmup changes only 'momentum'
     * keys, Adam's beta1 stays at the momentum given at creation.
     */
    public void setMomentum(int group, double value) {
        momentum[group] = value;
    }

    public double weightDecay(int group) {
        return weightDecay[group];
    }

    public void setWeightDecay(int group, double value) {
        weightDecay[group] = value;
    }

    /** Updates every parameter that has a gradient (autograd off), then zeroes all gradients. */
    public void step() {
        try (NoGrad ignored = NoGrad.open()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getArray();
                try (NDArray g = Grads.of(w)) {
                    if (g != null) {
                        int grp = groupOf[i];
                        update(names.get(i), w, g, lr[grp], momentum[grp], weightDecay[grp]);
                    }
                }
            }
        }
        zeroGrad();
    }

    /** Zeroes the gradients of all updated parameters. */
    public void zeroGrad() {
        for (Parameter p : params) {
            Grads.zero(p.getArray());
        }
    }

    /**
     * One in-place update of {@code w}; {@code g} must not be modified. Temporaries must be closed;
     * new state arrays go to {@link #newState}.
     */
    abstract void update(String name, NDArray w, NDArray g, double lr, double momentum, double weightDecay);

    /** Torch's state keys of one parameter, in torch's order, excluding "step". */
    abstract List<String> tensorStateKeys();

    abstract NDArray state(String name, String key);

    abstract void putState(String name, String key, NDArray value);

    /** Per-parameter step count, or -1 where the optimizer keeps none. */
    abstract long steps(String name);

    abstract void setSteps(String name, long steps);

    abstract boolean hasStepCount();

    /** Adopts {@code a} (a fresh array) as optimizer state, so closing the optimizer frees it. */
    final NDArray newState(NDArray a) {
        a.attach(stateManager(a));
        return a;
    }

    private NDManager stateManager(NDArray like) {
        if (stateManager == null) {
            stateManager = like.getManager().newSubManager(like.getDevice());
        }
        return stateManager;
    }

    /** State as host tensors: {@code <name>/momentum_buffer}, {@code /step}, {@code /exp_avg}, {@code /exp_avg_sq}. */
    public LinkedHashMap<String, HostTensor> exportState() {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        for (String n : names) {
            if (hasStepCount() && steps(n) > 0) {
                out.put(n + "/step", HostTensor.ofFloats(new long[0], new float[] {steps(n)}));
            }
            for (String key : tensorStateKeys()) {
                NDArray a = state(n, key);
                if (a != null) {
                    out.put(n + "/" + key, HostTensor.ofFloats(a.getShape().getShape(), a.toFloatArray()));
                }
            }
        }
        return out;
    }

    /**
     * Replaces the state with an exported one. Parameters absent from it start fresh, as in torch.
     *
     * @throws IllegalArgumentException for an unknown parameter or key, or a shape that does not match
     */
    public void importState(Map<String, HostTensor> state) {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), params.get(i));
        }
        for (Map.Entry<String, HostTensor> e : state.entrySet()) {
            String full = e.getKey();
            int slash = full.lastIndexOf('/');
            String name = slash < 0 ? full : full.substring(0, slash);
            String key = slash < 0 ? "" : full.substring(slash + 1);
            Parameter p = byName.get(name);
            if (p == null) {
                throw new IllegalArgumentException("optimizer state for unknown parameter: " + full);
            }
            boolean isStep = key.equals("step") && hasStepCount();
            if (!isStep && !tensorStateKeys().contains(key)) {
                throw new IllegalArgumentException(kind + " has no state '" + key + "': " + full);
            }
            HostTensor t = e.getValue();
            if (isStep) {
                if (t.numel() != 1) {
                    throw new IllegalArgumentException(full + ": step must be a scalar");
                }
                continue;
            }
            NDArray w = p.getArray();
            if (!Arrays.equals(w.getShape().getShape(), t.shape()) || !t.isFloatingPoint()) {
                throw new IllegalArgumentException(full + ": " + t + " does not fit parameter " + w.getShape());
            }
        }
        // all checked: now replace
        clearState();
        for (Map.Entry<String, HostTensor> e : state.entrySet()) {
            String full = e.getKey();
            int slash = full.lastIndexOf('/');
            String name = full.substring(0, slash);
            String key = full.substring(slash + 1);
            HostTensor t = e.getValue();
            if (key.equals("step")) {
                setSteps(name, t.isFloatingPoint() ? (long) t.toFloatArray()[0] : t.toLongArray()[0]);
                continue;
            }
            NDArray w = byName.get(name).getArray();
            NDArray a = stateManager(w).create(FloatBuffer.wrap(t.toFloatArray()), new Shape(t.shape()));
            putState(name, key, Objects.requireNonNull(a));
        }
    }

    abstract void clearStateMaps();

    private void clearState() {
        clearStateMaps();
        if (stateManager != null) {
            stateManager.close();
            stateManager = null;
        }
    }

    /** Frees the optimizer state. */
    @Override
    public void close() {
        clearState();
    }
}
