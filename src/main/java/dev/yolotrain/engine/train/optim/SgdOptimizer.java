package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.SGD with nesterov=True, dampening 0: d = g + wd·w; buf = d on the first step, else
 * buf = m·buf + d; w -= lr·(d + m·buf).
 */
final class SgdOptimizer extends YoloOptimizer {
    static final String MOMENTUM_BUFFER = "momentum_buffer";
    private final Map<String, NDArray> buffers = new HashMap<>();

    SgdOptimizer(ParamGroups groups, Map<String, Parameter> params, double lr0, double momentum) {
        super(OptimizerKind.SGD, groups, params, lr0, momentum);
    }

    @Override
    void update(String name, NDArray w, NDArray g, double lr, double momentum, double weightDecay) {
        try (NDArray d = weightDecay != 0 ? w.mul(weightDecay).addi(g) : g.duplicate()) {
            if (momentum != 0) {
                NDArray buf = buffers.get(name);
                if (buf == null) {
                    buffers.put(name, newState(d.duplicate()));
                    buf = buffers.get(name);
                } else {
                    buf.muli(momentum).addi(d);
                }
                try (NDArray mb = buf.mul(momentum)) {
                    d.addi(mb);
                }
            }
            w.subi(d.muli(lr));
        }
    }

    @Override
    List<String> tensorStateKeys() {
        return List.of(MOMENTUM_BUFFER);
    }

    @Override
    NDArray state(String name, String key) {
        return buffers.get(name);
    }

    @Override
    void putState(String name, String key, NDArray value) {
        buffers.put(name, value);
    }

    @Override
    long steps(String name) {
        return -1;
    }

    @Override
    void setSteps(String name, long steps) {
        // SGD keeps no step count; the caller only asks optimizers whose hasStepCount() is true.
        throw new IllegalStateException("SGD has no step count to restore (for " + name + ")");
    }

    @Override
    boolean hasStepCount() {
        return false;
    }

    @Override
    void clearStateMaps() {
        buffers.clear();
    }
}
