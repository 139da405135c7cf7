package dev.yolotrain.engine.train.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.yolotrain.engine.io.HostTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradients accumulated since the last optimizer step (gradient accumulation spans several batches), saved
 * with a checkpoint and put back on resume, so that the next step is the one the run would have taken.
 */
public final class PendingGrads {
    private PendingGrads() {}

    /** The optimizer's parameters' gradients by name (those that have one). */
    public static LinkedHashMap<String, HostTensor> export(YoloOptimizer optimizer) {
        LinkedHashMap<String, HostTensor> out = new LinkedHashMap<>();
        List<Parameter> params = optimizer.parameters();
        List<String> names = optimizer.parameterNames();
        for (int i = 0; i < params.size(); i++) {
            try (NDArray g = Grads.of(params.get(i).getArray())) {
                if (g != null) {
                    out.put(names.get(i), HostTensor.ofFloats(g.getShape().getShape(), g.toFloatArray()));
                }
            }
        }
        return out;
    }

    /**
     * Makes the gradients exactly {@code grads} (zero for parameters not in it): after zeroing, one backward of
     * Σ sum(G ⊙ w), whose gradient with respect to each w is G itself (a product with exact ones).
     */
    public static void restore(YoloOptimizer optimizer, Map<String, HostTensor> grads) {
        optimizer.zeroGrad();
        if (grads.isEmpty()) {
            return;
        }
        List<Parameter> params = optimizer.parameters();
        List<String> names = optimizer.parameterNames();
        NDManager base = params.get(0).getArray().getManager();
        try (NDManager m = base.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int i = 0; i < params.size(); i++) {
                HostTensor g = grads.get(names.get(i));
                if (g == null) {
                    continue;
                }
                NDArray w = params.get(i).getArray();
                if (!w.getShape().equals(new Shape(g.shape()))) {
                    throw new IllegalArgumentException("pending gradient " + names.get(i) + " has shape "
                            + new Shape(g.shape()) + ", the parameter " + w.getShape());
                }
                NDArray term = m.create(g.toFloatArray(), new Shape(g.shape())).toDevice(w.getDevice(), false).mul(w).sum();
                total = total == null ? term : total.add(term);
            }
            if (total != null) {
                gc.backward(total);
            }
        }
    }
}
