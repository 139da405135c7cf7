package dev.yolotrain.engine.train.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.Npz;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.NoGrad;
import dev.yolotrain.engine.model.YoloNet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ModelEma against YOLOv5's ModelEMA (ema_ref.npz from tools/make_optim_reference.py). */
class ModelEmaTest {
    private static final Map<String, HostTensor> REF = Npz.read(Tiny.DIR.resolve("ema_ref.npz"));

    @Test
    void decayMatchesYolov5() {
        double[] t = Tiny.doubles(REF.get("ema.decay"));
        for (int i = 0; i < t.length / 2; i++) {
            assertEquals(t[2 * i + 1], ModelEma.decay((long) t[2 * i]), 1e-16, "updates " + t[2 * i]);
        }
    }

    /** The floating entries of one state in the reference, as parameters. */
    private static LinkedHashMap<String, Parameter> floats(NDManager m, String prefix) {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        for (Map.Entry<String, HostTensor> e : REF.entrySet()) {
            if (e.getKey().startsWith(prefix + ".") && e.getValue().isFloatingPoint()) {
                String k = e.getKey().substring(prefix.length() + 1);
                out.put(k, Parameter.builder().setName(k).setType(Parameter.Type.OTHER)
                        .optArray(Tiny.array(m, e.getValue())).build());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"ema, 0", "ema2, 3000"})
    void blendMatchesYolov5(String tag, long start) {
        try (NDManager m = NDManager.newBaseManager()) {
            LinkedHashMap<String, Parameter> ema = floats(m, tag + ".init");
            assertEquals(8, ema.size(), "5 parameters, BN running mean/var, anchors: " + ema.keySet());
            long updates = start;
            double worst = 0;
            for (int k = 1; k <= 3; k++) {
                LinkedHashMap<String, Parameter> model = floats(m, tag + ".model" + k);
                updates++;
                ModelEma.blend(ema, model, ModelEma.decay(updates));
                for (Map.Entry<String, Parameter> e : ema.entrySet()) {
                    double d = Tiny.maxDiff(e.getValue().getArray().toFloatArray(),
                            REF.get(tag + ".after" + k + "." + e.getKey()).toFloatArray());
                    worst = Math.max(worst, d);
                    assertTrue(d < 1e-6, tag + " update " + k + " " + e.getKey() + ": " + d);
                }
            }
            assertEquals(updates, REF.get(tag + ".updates").toLongArray()[0]);
            // YOLOv5 leaves integer entries alone: num_batches_tracked stays as created
            assertEquals(REF.get(tag + ".init.model.0.bn.num_batches_tracked").toLongArray()[0],
                    REF.get(tag + ".after3.model.0.bn.num_batches_tracked").toLongArray()[0]);
            System.out.printf("EMA %s (from %d updates) vs YOLOv5 ModelEMA: max diff %.3g%n", tag, start, worst);
        }
    }

    @Test
    void yoloNetEmaUpdatesExportsAndImports() {
        ModelGraph graph = ModelBuilder.build(BuiltinModels.load("yolov5n").withNc(3));
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet model = new YoloNet(graph);
            model.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            YoloNet emaNet = new YoloNet(graph);
            emaNet.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            model.batchesTracked().replaceAll((k, v) -> 5L);
            ModelEma ema = new ModelEma(emaNet, model);
            String w = "model.0.conv.weight";
            String mean = "model.0.bn.running_mean";
            assertArrayEquals(model.namedParameters().get(w).getArray().toFloatArray(),
                    emaNet.namedParameters().get(w).getArray().toFloatArray(), "starts as a copy");
            assertFalse(emaNet.namedParameters().get(w).getArray().hasGradient(), "EMA arrays need no gradient");
            float[] e0 = emaNet.namedParameters().get(w).getArray().toFloatArray();
            float[] e0mean = emaNet.namedParameters().get(mean).getArray().toFloatArray();
            // move the model, then update twice
            try (NoGrad ignored = NoGrad.open()) {
                model.namedParameters().get(w).getArray().addi(1f);
                model.namedParameters().get(mean).getArray().addi(2f);
            }
            model.batchesTracked().replaceAll((k, v) -> 9L);
            ema.update(model);
            ema.update(model);
            assertEquals(2, ema.updates());
            double d1 = ModelEma.decay(1);
            double d2 = ModelEma.decay(2);
            float[] m1 = model.namedParameters().get(w).getArray().toFloatArray();
            float[] got = emaNet.namedParameters().get(w).getArray().toFloatArray();
            float[] gotMean = emaNet.namedParameters().get(mean).getArray().toFloatArray();
            for (int i = 0; i < got.length; i++) {
                double e1 = d1 * e0[i] + (1 - d1) * m1[i];
                assertEquals(d2 * e1 + (1 - d2) * m1[i], got[i], 1e-6);
            }
            for (int i = 0; i < gotMean.length; i++) {
                double e1 = d1 * e0mean[i] + (1 - d1) * (e0mean[i] + 2);
                assertEquals(d2 * e1 + (1 - d2) * (e0mean[i] + 2), gotMean[i], 1e-6, "buffers are averaged too");
            }
            assertEquals(5L, emaNet.batchesTracked().get("model.0.bn.num_batches_tracked"), "as YOLOv5: not averaged, not copied");

            // export -> import into a fresh EMA -> one more update gives the same state
            LinkedHashMap<String, HostTensor> state = ema.exportState();
            YoloNet other = new YoloNet(graph);
            other.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            ModelEma resumed = new ModelEma(other, state, ema.updates());
            assertEquals(state, resumed.exportState());
            ema.update(model);
            resumed.update(model);
            assertEquals(ema.exportState(), resumed.exportState());
            assertEquals(3, resumed.updates());

            Map<String, HostTensor> broken = new LinkedHashMap<>(state);
            broken.remove(w);
            assertThrows(IllegalArgumentException.class, () -> resumed.importState(broken, 1));
        }
    }

    @Test
    void updateDoesNotGrowNativeArrays() {
        ModelGraph graph = ModelBuilder.build(BuiltinModels.load("yolov5n").withNc(3));
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet model = new YoloNet(graph);
            model.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            YoloNet emaNet = new YoloNet(graph);
            emaNet.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            ModelEma ema = new ModelEma(emaNet, model);
            ema.update(model);
            int n = m.getManagedArrays().size();
            for (int i = 0; i < 20; i++) {
                ema.update(model);
            }
            assertEquals(n, m.getManagedArrays().size());
            NDArray a = emaNet.namedParameters().get("model.24.anchors").getArray();
            assertEquals(10.0 / 8, a.toFloatArray()[0], 1e-6, "anchors (equal in both) stay");
        }
    }
}
