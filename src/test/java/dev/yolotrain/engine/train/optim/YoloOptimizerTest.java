package dev.yolotrain.engine.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Our optimizers against torch.optim with YOLOv5's groups (tools/make_optim_reference.py). */
class YoloOptimizerTest {
    static final double TOL = 1e-6;

    private static String prefix(OptimizerKind k) {
        return switch (k) {
            case SGD -> "sgd";
            case ADAM -> "adam";
            case ADAMW -> "adamw";
        };
    }

    private static YoloOptimizer create(OptimizerKind kind, Map<String, Parameter> params, Map<String, HostTensor> ref) {
        // as smart_optimizer(lr=hyper[step 0][group 0][lr], momentum=0.9, decay=decay) in the reference
        return YoloOptimizer.create(kind, ParamGroups.of(Tiny.KINDS, List.of()), params, hyperOf(ref)[0], 0.9,
                Tiny.doubles(ref.get("decay"))[0]);
    }

    /** hyper as doubles: (3 steps, 3 groups, [lr, momentum]). */
    static double[] hyperOf(Map<String, HostTensor> ref) {
        return Tiny.doubles(ref.get("hyper"));
    }

    private static void setHyper(YoloOptimizer opt, double[] hyper, int step) {
        for (int g = 0; g < 3; g++) {
            opt.setLr(g, hyper[step * 6 + g * 2]);
            opt.setMomentum(g, hyper[step * 6 + g * 2 + 1]);
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void threeStepsMatchTorch(OptimizerKind kind) {
        Map<String, HostTensor> ref = Tiny.ref();
        double[] hyper = hyperOf(ref);
        String px = prefix(kind);
        try (NDManager m = NDManager.newBaseManager(); YoloOptimizer opt = create(kind, Tiny.params(m, ref, "init"), ref)) {
            Map<String, Parameter> params = paramsOf(opt);
            double worst = 0;
            for (int k = 0; k < 3; k++) {
                setHyper(opt, hyper, k);
                Tiny.backward(params, ref, "grad" + (k + 1));
                opt.step();
                for (String n : Tiny.NAMES) {
                    double d = Tiny.maxDiff(params.get(n).getArray().toFloatArray(),
                            ref.get(px + ".step" + (k + 1) + "." + n).toFloatArray());
                    worst = Math.max(worst, d);
                    assertTrue(d < TOL, kind + " step " + (k + 1) + " " + n + ": " + d);
                    // step() zeroed the gradient
                    assertEquals(0f, maxAbsGrad(params.get(n)), kind + " " + n);
                }
            }
            // state after step 3, key for key
            LinkedHashMap<String, HostTensor> st = opt.exportState();
            int compared = 0;
            for (Map.Entry<String, HostTensor> e : ref.entrySet()) {
                if (!e.getKey().startsWith(px + ".state.")) {
                    continue;
                }
                String rest = e.getKey().substring((px + ".state.").length());
                int dot = rest.lastIndexOf('.');
                String key = rest.substring(0, dot) + "/" + rest.substring(dot + 1);
                HostTensor ours = st.get(key);
                assertTrue(ours != null, "missing state " + key + " in " + st.keySet());
                assertArrayEquals(e.getValue().shape(), ours.shape(), key);
                double d = Tiny.maxDiff(ours.toFloatArray(), e.getValue().toFloatArray());
                assertTrue(d < TOL, key + ": " + d);
                compared++;
            }
            assertEquals(compared, st.size(), "same state keys as torch: " + st.keySet());
            System.out.printf("%s vs torch.optim: max |param diff| over 3 steps = %.3g, %d state entries%n", kind, worst, compared);
        }
    }

    static Map<String, Parameter> paramsOf(YoloOptimizer opt) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Parameter p : opt.parameters()) {
            out.put(p.getName(), p);
        }
        return out;
    }

    static float maxAbsGrad(Parameter p) {
        try (NDArray g = Grads.of(p.getArray())) {
            float mx = 0;
            for (float v : g.toFloatArray()) {
                mx = Math.max(mx, Math.abs(v));
            }
            return mx;
        }
    }

    @Test
    void accumulatedGradientsOfTwoBackwardsMakeOneStep() {
        Map<String, HostTensor> ref = Tiny.ref();
        double[] hyper = hyperOf(ref);
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer opt = create(OptimizerKind.SGD, Tiny.params(m, ref, "init"), ref)) {
            Map<String, Parameter> params = paramsOf(opt);
            setHyper(opt, hyper, 2);
            Tiny.backward(params, ref, "acc.ga");
            Tiny.backward(params, ref, "acc.gb");
            opt.step();
            double worst = 0;
            for (String n : Tiny.NAMES) {
                worst = Math.max(worst, Tiny.maxDiff(params.get(n).getArray().toFloatArray(), ref.get("acc.sgd." + n).toFloatArray()));
            }
            assertTrue(worst < TOL, "accumulation: " + worst);
            System.out.printf("accumulation (2 backward, 1 SGD step) vs torch step on summed grad: %.3g%n", worst);
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void resumedStateContinuesExactly(OptimizerKind kind) {
        Map<String, HostTensor> ref = Tiny.ref();
        double[] hyper = hyperOf(ref);
        try (NDManager m = NDManager.newBaseManager()) {
            try (YoloOptimizer a = create(kind, Tiny.params(m, ref, "init"), ref)) {
                Map<String, Parameter> pa = paramsOf(a);
                for (int k = 0; k < 2; k++) {
                    setHyper(a, hyper, k);
                    Tiny.backward(pa, ref, "grad" + (k + 1));
                    a.step();
                }
                LinkedHashMap<String, HostTensor> state = a.exportState();
                // a fresh optimizer on a copy of the weights, state imported
                LinkedHashMap<String, HostTensor> weights = new LinkedHashMap<>();
                for (String n : Tiny.NAMES) {
                    NDArray w = pa.get(n).getArray();
                    weights.put("w." + n, HostTensor.ofFloats(w.getShape().getShape(), w.toFloatArray()));
                }
                try (YoloOptimizer b = create(kind, Tiny.params(m, weights, "w"), ref)) {
                    b.importState(state);
                    assertEquals(state, b.exportState());
                    Map<String, Parameter> pb = paramsOf(b);
                    setHyper(a, hyper, 2);
                    setHyper(b, hyper, 2);
                    Tiny.backward(pa, ref, "grad3");
                    Tiny.backward(pb, ref, "grad3");
                    a.step();
                    b.step();
                    for (String n : Tiny.NAMES) {
                        assertArrayEquals(pa.get(n).getArray().toFloatArray(), pb.get(n).getArray().toFloatArray(), kind + " " + n);
                    }
                    assertEquals(a.exportState(), b.exportState());
                }
            }
        }
    }

    @Test
    void importRejectsForeignState() {
        Map<String, HostTensor> ref = Tiny.ref();
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer sgd = create(OptimizerKind.SGD, Tiny.params(m, ref, "init"), ref)) {
            Map<String, HostTensor> bad = Map.of("model.1.bias/exp_avg", HostTensor.ofFloats(new long[] {6}, new float[6]));
            assertThrows(IllegalArgumentException.class, () -> sgd.importState(bad));
            Map<String, HostTensor> shape = Map.of("model.1.bias/momentum_buffer", HostTensor.ofFloats(new long[] {5}, new float[5]));
            assertThrows(IllegalArgumentException.class, () -> sgd.importState(shape));
            Map<String, HostTensor> unknown = Map.of("model.9.bias/momentum_buffer", HostTensor.ofFloats(new long[] {6}, new float[6]));
            assertThrows(IllegalArgumentException.class, () -> sgd.importState(unknown));
        }
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void fiftyStepsDoNotGrowNativeArrays(OptimizerKind kind) {
        Map<String, HostTensor> ref = Tiny.ref();
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer opt = create(kind, Tiny.params(m, ref, "init"), ref)) {
            Map<String, Parameter> params = paramsOf(opt);
            Tiny.backward(params, ref, "grad1");
            opt.step();
            int after1 = m.getManagedArrays().size();
            for (int i = 0; i < 50; i++) {
                Tiny.backward(params, ref, "grad" + (1 + i % 3));
                GradClip.clipNorm(opt.parameters(), 1.0);
                opt.step();
            }
            assertEquals(after1, m.getManagedArrays().size(), "arrays held by the parameters' manager");
        }
    }

    @Test
    void parameterWithoutGradientIsSkipped() {
        Map<String, HostTensor> ref = Tiny.ref();
        try (NDManager m = NDManager.newBaseManager()) {
            LinkedHashMap<String, Parameter> params = Tiny.params(m, ref, "init");
            NDArray frozen = params.get("model.1.bias").getArray();
            frozen.setRequiresGradient(false);
            float[] before = frozen.toFloatArray();
            try (YoloOptimizer opt = create(OptimizerKind.SGD, params, ref)) {
                Tiny.backward(params, ref, "grad1");
                assertNull(Grads.of(frozen));
                opt.step();
                assertArrayEquals(before, frozen.toFloatArray());
                assertTrue(!opt.exportState().containsKey("model.1.bias/momentum_buffer"));
            }
        }
    }

    @Test
    void stepBeforeAnyBackwardChangesNothing() {
        Map<String, HostTensor> ref = Tiny.ref();
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer opt = create(OptimizerKind.ADAMW, Tiny.params(m, ref, "init"), ref)) {
            opt.step();
            for (Parameter p : opt.parameters()) {
                assertArrayEquals(ref.get("init." + p.getName()).toFloatArray(), p.getArray().toFloatArray());
            }
            assertTrue(opt.exportState().isEmpty());
        }
    }

    @Test
    void stepsOnAWorkerThreadWithGradModeOn() throws Exception {
        Map<String, HostTensor> ref = Tiny.ref();
        double[] hyper = hyperOf(ref);
        try (NDManager m = NDManager.newBaseManager();
             YoloOptimizer opt = create(OptimizerKind.SGD, Tiny.params(m, ref, "init"), ref)) {
            Map<String, Parameter> params = paramsOf(opt);
            Throwable[] failure = new Throwable[1];
            Thread t = new Thread(() -> {
                try {
                    ai.djl.pytorch.jni.JniUtils.setGradMode(true); // as on any thread but the engine's
                    setHyper(opt, hyper, 0);
                    Tiny.backward(params, ref, "grad1");
                    ai.djl.pytorch.jni.JniUtils.setGradMode(true);
                    GradClip.clipNorm(opt.parameters(), 10.0);
                    opt.step();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            });
            t.start();
            t.join();
            if (failure[0] != null) {
                throw new AssertionError(failure[0]);
            }
            for (String n : Tiny.NAMES) {
                assertTrue(Tiny.maxDiff(params.get(n).getArray().toFloatArray(), ref.get("sgd.step1." + n).toFloatArray()) < TOL, n);
            }
        }
    }

    @Test
    void optimizerNamesParseLikeYolov5() {
        assertEquals(OptimizerKind.SGD, OptimizerKind.parse("SGD"));
        assertEquals(OptimizerKind.ADAM, OptimizerKind.parse("Adam"));
        assertEquals(OptimizerKind.ADAMW, OptimizerKind.parse("AdamW"));
        assertThrows(IllegalArgumentException.class, () -> OptimizerKind.parse("RMSProp"));
    }
}
