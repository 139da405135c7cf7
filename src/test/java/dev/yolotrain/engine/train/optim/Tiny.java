package dev.yolotrain.engine.train.optim;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.io.Npz;
import dev.yolotrain.engine.model.ParamKind;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tiny module of tools/make_optim_reference.py as DJL parameters, and reference data access. */
final class Tiny {
    static final Path DIR = Path.of("src/test/resources/optim");
    static final LinkedHashMap<String, ParamKind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("model.0.conv.weight", ParamKind.CONV_WEIGHT);
        KINDS.put("model.0.bn.weight", ParamKind.BN_WEIGHT);
        KINDS.put("model.0.bn.bias", ParamKind.BN_BIAS);
        KINDS.put("model.1.weight", ParamKind.CONV_WEIGHT);
        KINDS.put("model.1.bias", ParamKind.CONV_BIAS);
    }

    static final List<String> NAMES = List.copyOf(KINDS.keySet());

    private static Map<String, HostTensor> optimRef;

    private Tiny() {}

    static synchronized Map<String, HostTensor> ref() {
        if (optimRef == null) {
            optimRef = Npz.read(DIR.resolve("optim_ref.npz"));
        }
        return optimRef;
    }

    static NDArray array(NDManager m, HostTensor t) {
        return m.create(FloatBuffer.wrap(t.toFloatArray()), new Shape(t.shape()));
    }

    /** Parameters with values {@code <prefix>.<name>} of the reference, requiring gradients. */
    static LinkedHashMap<String, Parameter> params(NDManager m, Map<String, HostTensor> ref, String prefix) {
        LinkedHashMap<String, Parameter> out = new LinkedHashMap<>();
        for (String n : NAMES) {
            NDArray a = array(m, ref.get(prefix + "." + n));
            a.setRequiresGradient(true);
            out.put(n, Parameter.builder().setName(n).setType(Parameter.Type.OTHER).optArray(a).build());
        }
        return out;
    }

    /** One backward pass of loss = Σ sum(w · G): adds G to every gradient. */
    static void backward(Map<String, Parameter> params, Map<String, HostTensor> ref, String gradPrefix) {
        NDManager m = params.values().iterator().next().getArray().getManager();
        try (NDManager sub = m.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = null;
            for (String n : NAMES) {
                NDArray g = array(sub, ref.get(gradPrefix + "." + n));
                NDArray prod = params.get(n).getArray().mul(g);
                prod.attach(sub);
                NDArray term = prod.sum();
                term.attach(sub);
                loss = loss == null ? term : loss.add(term);
                loss.attach(sub);
            }
            gc.backward(loss);
        }
    }

    /** The elements of an F64 tensor. */
    static double[] doubles(HostTensor t) {
        if (t.type() != dev.yolotrain.engine.io.TensorType.F64) {
            throw new AssertionError("not F64: " + t);
        }
        double[] out = new double[(int) t.numel()];
        java.nio.ByteBuffer.wrap(t.toByteArray()).order(java.nio.ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    /** Largest |a − b| over two float arrays of equal length. */
    static double maxDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("length " + a.length + " vs " + b.length);
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs((double) a[i] - b[i]));
        }
        return d;
    }
}
