package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.optim.Adam (L2 decay added to the gradient) or, with {@code decoupled}, torch.optim.AdamW
 * (w *= 1 − lr·wd first); betas (beta1, 0.999), eps 1e-8, no amsgrad. Bias corrections in double
 * precision as in torch's single-tensor implementation.
 */
final class AdamOptimizer extends YoloOptimizer {
    static final String EXP_AVG = "exp_avg";
    static final String EXP_AVG_SQ = "exp_avg_sq";
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final boolean decoupled;
    private final double beta1;
    private final Map<String, NDArray> expAvg = new HashMap<>();
    private final Map<String, NDArray> expAvgSq = new HashMap<>();
    private final Map<String, Long> steps = new HashMap<>();

    AdamOptimizer(OptimizerKind kind, ParamGroups groups, Map<String, Parameter> params, double lr0, double beta1,
                  boolean decoupled) {
        super(kind, groups, params, lr0, beta1);
        this.beta1 = beta1;
        this.decoupled = decoupled;
    }

    @Override
    void update(String name, NDArray w, NDArray g, double lr, double momentum, double weightDecay) {
        long t = steps.merge(name, 1L, Long::sum);
        if (decoupled && weightDecay != 0) {
            w.muli(1 - lr * weightDecay);
        }
        boolean l2 = !decoupled && weightDecay != 0;
        try (NDArray grad = l2 ? w.mul(weightDecay).addi(g) : g.duplicate()) {
            NDArray m = expAvg.computeIfAbsent(name, k -> newState(w.zerosLike()));
            NDArray v = expAvgSq.computeIfAbsent(name, k -> newState(w.zerosLike()));
            try (NDArray a = grad.mul(1 - beta1)) {
                m.muli(beta1).addi(a);
            }
            try (NDArray b = grad.mul(1 - BETA2)) {
                v.muli(BETA2).addi(b.muli(grad));
            }
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(BETA2, t);
            double stepSize = lr / bc1;
            try (NDArray denom = v.sqrt(); NDArray upd = m.mul(stepSize)) {
                denom.divi(Math.sqrt(bc2)).addi(EPS);
                w.subi(upd.divi(denom));
            }
        }
    }

    @Override
    List<String> tensorStateKeys() {
        return List.of(EXP_AVG, EXP_AVG_SQ);
    }

    @Override
    NDArray state(String name, String key) {
        return (key.equals(EXP_AVG) ? expAvg : expAvgSq).get(name);
    }

    @Override
    void putState(String name, String key, NDArray value) {
        (key.equals(EXP_AVG) ? expAvg : expAvgSq).put(name, value);
    }

    @Override
    long steps(String name) {
        return steps.getOrDefault(name, 0L);
    }

    @Override
    void setSteps(String name, long n) {
        steps.put(name, n);
    }

    @Override
    boolean hasStepCount() {
        return true;
    }

    @Override
    void clearStateMaps() {
        expAvg.clear();
        expAvgSq.clear();
        steps.clear();
    }
}
