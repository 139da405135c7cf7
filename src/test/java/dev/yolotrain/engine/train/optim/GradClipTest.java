package dev.yolotrain.engine.train.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** clipNorm against torch.nn.utils.clip_grad_norm_(max_norm=10). */
class GradClipTest {

    @ParameterizedTest
    @ValueSource(strings = {"hi", "lo"})
    void matchesTorch(String c) {
        Map<String, HostTensor> ref = Tiny.ref();
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, Parameter> params = Tiny.params(m, ref, "init");
            Tiny.backward(params, ref, "clip." + c + "_in");
            double norm = GradClip.clipNorm(params.values(), 10.0);
            double refNorm = ref.get("clip." + c + "_norm").toFloatArray()[0];
            assertEquals(refNorm, norm, 1e-6 * refNorm, "total norm");
            double worst = 0;
            for (String n : Tiny.NAMES) {
                try (NDArray g = Grads.of(params.get(n).getArray())) {
                    worst = Math.max(worst, Tiny.maxDiff(g.toFloatArray(), ref.get("clip." + c + "." + n).toFloatArray()));
                }
            }
            assertTrue(worst < 1e-6, c + ": " + worst);
            if (c.equals("lo")) {
                assertEquals(0.0, worst, "below the limit gradients stay as they are");
            }
            System.out.printf("clip_grad_norm_ %s: norm %.6f (torch %.6f), max |grad diff| %.3g%n", c, norm, refNorm, worst);
        }
    }
}
