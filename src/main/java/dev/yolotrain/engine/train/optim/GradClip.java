package dev.yolotrain.engine.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.model.NoGrad;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Gradient-norm clipping with torch.nn.utils.clip_grad_norm_'s semantics (L2). */
public final class GradClip {
    private GradClip() {}

    /**
     * Scales all gradients in place by min(1, max / (norm + 1e-6)) where norm is the L2 norm over every
     * gradient together; parameters without a gradient are skipped. Returns the norm before clipping.
     */
    public static double clipNorm(Collection<Parameter> params, double maxNorm) {
        List<NDArray> grads = new ArrayList<>();
        NDList norms = new NDList();
        try (NoGrad ignored = NoGrad.open()) {
            for (Parameter p : params) {
                NDArray g = Grads.of(p.getArray());
                if (g != null) {
                    grads.add(g);
                    norms.add(g.norm());
                }
            }
            if (grads.isEmpty()) {
                return 0.0;
            }
            float total;
            try (NDArray stacked = NDArrays.stack(norms); NDArray n = stacked.norm()) {
                total = n.getFloat();
            }
            // torch: max_norm / (total + 1e-6) in float32, as reciprocal times max_norm; clamped to 1
            float coef = (1f / (total + 1e-6f)) * (float) maxNorm;
            if (coef < 1f) {
                for (NDArray g : grads) {
                    g.muli(coef);
                }
            }
            return total;
        } finally {
            norms.close();
            grads.forEach(NDArray::close);
        }
    }
}
