package dev.yolotrain.engine.model;

import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.config.LayerSpec;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.model.module.Bottleneck;
import dev.yolotrain.engine.model.module.BottleneckCSP;
import dev.yolotrain.engine.model.module.C3;
import dev.yolotrain.engine.model.module.Concat;
import dev.yolotrain.engine.model.module.Conv;
import dev.yolotrain.engine.model.module.Detect;
import dev.yolotrain.engine.model.module.Focus;
import dev.yolotrain.engine.model.module.Module;
import dev.yolotrain.engine.model.module.Repeat;
import dev.yolotrain.engine.model.module.SPP;
import dev.yolotrain.engine.model.module.SPPF;
import dev.yolotrain.engine.model.module.Upsample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link ModelGraph} from a yolov5*.yml the way YOLOv5 does: repeat counts scaled by
 * depth_multiple (Python rounding), output channels by width_multiple rounded up to a multiple of 8,
 * CSP blocks taking the repeat count themselves, state-dict names {@code model.<i>.…}.
 */
public final class ModelBuilder {
    private static final Set<String> TAKES_N = Set.of("C3", "BottleneckCSP");
    private static final Set<String> SCALES_CHANNELS =
            Set.of("Conv", "Focus", "Bottleneck", "C3", "BottleneckCSP", "SPP", "SPPF");
    /** YOLOv5 finds strides by running a 256×256 image through the model. */
    private static final int STRIDE_PROBE = 256;

    private ModelBuilder() {}

    public static ModelGraph build(ModelConfig cfg) {
        return build(cfg, 3);
    }

    public static ModelGraph build(ModelConfig cfg, int inputChannels) {
        ParamRegistry reg = new ParamRegistry();
        List<Layer> layers = new ArrayList<>();
        List<Integer> ch = new ArrayList<>();
        int no = cfg.anchorsPerLevel() * (cfg.nc() + 5);
        Detect detect = null;
        for (LayerSpec spec : cfg.layers()) {
            int i = spec.index();
            if (detect != null) {
                throw new ConfigException(cfg.source() + " " + spec.where() + ": Detect must be the last layer");
            }
            int[] inputs = absoluteInputs(spec);
            int[] inCh = new int[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                inCh[k] = inputs[k] < 0 ? inputChannels : ch.get(inputs[k]);
            }
            int n = spec.number() > 1 ? Math.max((int) Math.rint(spec.number() * cfg.depthMultiple()), 1) : spec.number();
            String type = spec.moduleName();
            int before = reg.defs().size();
            String prefix = "model." + i + ".";
            List<Object> printed = new ArrayList<>();
            Module module;
            int c2;
            try {
                if (type.equals("Detect")) {
                    detect = buildDetect(cfg, spec, reg, prefix, layers, inputs, inCh, inputChannels, printed);
                    module = null;
                    c2 = no;
                } else {
                    if (inputs.length != 1 && !type.equals("Concat")) {
                        throw new ConfigException(cfg.source() + " " + spec.where() + ": " + type + " takes one input");
                    }
                    int c1 = inCh[0];
                    Args a = new Args(cfg, spec);
                    if (SCALES_CHANNELS.contains(type)) {
                        int raw = a.integer(0, "output channels");
                        c2 = raw != no ? makeDivisible(raw * cfg.widthMultiple(), 8) : raw;
                    } else if (type.equals("Concat")) {
                        c2 = Arrays.stream(inCh).sum();
                    } else {
                        c2 = c1;
                    }
                    int reps = TAKES_N.contains(type) ? 1 : n;
                    List<Module> copies = new ArrayList<>();
                    for (int r = 0; r < reps; r++) {
                        String p = reps > 1 ? prefix + r + "." : prefix;
                        copies.add(make(type, a, reg, p, r == 0 ? c1 : c2, c2, n));
                    }
                    module = copies.size() == 1 ? copies.get(0) : new Repeat(copies);
                    printed.addAll(a.printed(type, c1, c2, n));
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(cfg.source() + " " + spec.where() + ": " + e.getMessage(), e);
            }
            if (i == 0) {
                ch.clear();
            }
            ch.add(c2);
            long params = 0;
            List<ParamDef> all = new ArrayList<>(reg.defs().values());
            for (ParamDef d : all.subList(before, all.size())) {
                if (d.kind().trainable()) {
                    params += d.numel();
                }
            }
            layers.add(new Layer(i, spec.from(), inputs, n, type, printed, module, params));
        }
        if (detect == null) {
            throw new ConfigException(cfg.source() + ": the last layer must be Detect");
        }
        return new ModelGraph(cfg, List.copyOf(layers), detect, reg, inputChannels);
    }

    private static int[] absoluteInputs(LayerSpec spec) {
        int[] out = new int[spec.from().size()];
        for (int k = 0; k < out.length; k++) {
            int f = spec.from().get(k);
            out[k] = f < 0 ? spec.index() + f : f;
        }
        return out;
    }

    /** Rounds up to a multiple of the divisor, as YOLOv5 does for scaled channel counts. */
    public static int makeDivisible(double x, int divisor) {
        return (int) (Math.ceil(x / divisor) * divisor);
    }

    private static Module make(String type, Args a, ParamRegistry reg, String p, int c1, int c2, int n) {
        switch (type) {
            case "Conv":
                return new Conv(reg, p, c1, c2, a.integer(1, 1), a.integer(2, 1), a.optInteger(3), a.integer(4, 1));
            case "Focus":
                return new Focus(reg, p, c1, c2, a.integer(1, 1), a.integer(2, 1), a.optInteger(3), a.integer(4, 1));
            case "Bottleneck":
                return new Bottleneck(reg, p, c1, c2, a.bool(1, true), a.integer(2, 1), a.number(3, 0.5));
            case "C3":
                return new C3(reg, p, c1, c2, n, a.bool(1, true), a.integer(2, 1), a.number(3, 0.5));
            case "BottleneckCSP":
                return new BottleneckCSP(reg, p, c1, c2, n, a.bool(1, true), a.integer(2, 1), a.number(3, 0.5));
            case "SPP":
                return new SPP(reg, p, c1, c2, a.intList(1, List.of(5, 9, 13)));
            case "SPPF":
                return new SPPF(reg, p, c1, c2, a.integer(1, 5));
            case "Upsample":
                return new Upsample(c1, a.upsampleFactor());
            case "Concat":
                if (a.integer(0, 1) != 1) {
                    throw new IllegalArgumentException("only channel concatenation (dimension 1) is supported");
                }
                return new Concat(c2);
            default:
                throw new IllegalArgumentException("unknown module '" + type + "' (known: Conv, Focus, Bottleneck, "
                        + "BottleneckCSP, C3, SPP, SPPF, nn.Upsample, Concat, Detect)");
        }
    }

    private static Detect buildDetect(ModelConfig cfg, LayerSpec spec, ParamRegistry reg, String prefix, List<Layer> layers,
            int[] inputs, int[] inCh, int inputChannels, List<Object> printed) {
        List<double[]> anchorsPx = cfg.anchors();
        int nl = inputs.length;
        if (anchorsPx.isEmpty()) {
            // Only a count was given: placeholders, replaced by the autoanchor search before training.
            anchorsPx = new ArrayList<>();
            for (int l = 0; l < nl; l++) {
                double[] a = new double[cfg.anchorsPerLevel() * 2];
                for (int k = 0; k < a.length; k++) {
                    a[k] = k;
                }
                anchorsPx.add(a);
            }
        }
        if (anchorsPx.size() != nl) {
            throw new ConfigException(cfg.source() + " " + spec.where() + ": Detect has " + nl
                    + " inputs but anchors has " + anchorsPx.size() + " levels");
        }
        // Strides from a dry shape pass at 256×256, exactly how YOLOv5 measures them.
        ModelGraph partial = new ModelGraph(cfg, layers, null, reg, inputChannels);
        Size2[] sizes = ShapePass.sizes(partial, new Size2(STRIDE_PROBE, STRIDE_PROBE));
        double[] strides = new double[nl];
        for (int l = 0; l < nl; l++) {
            strides[l] = (double) STRIDE_PROBE / sizes[inputs[l]].h();
        }
        List<double[]> ordered = checkAnchorOrder(anchorsPx, strides);
        List<double[]> grid = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            double[] g = ordered.get(l).clone();
            for (int k = 0; k < g.length; k++) {
                g[k] /= strides[l];
            }
            grid.add(g);
        }
        printed.add(cfg.nc());
        List<Object> anchorsOut = new ArrayList<>();
        for (double[] a : anchorsPx) {
            List<Object> row = new ArrayList<>();
            for (double v : a) {
                row.add(v == Math.rint(v) ? (Object) (long) v : (Object) v);
            }
            anchorsOut.add(row);
        }
        printed.add(anchorsOut);
        List<Object> chs = new ArrayList<>();
        for (int c : inCh) {
            chs.add(c);
        }
        printed.add(chs);
        return new Detect(reg, prefix, cfg.nc(), grid, inCh, strides);
    }

    /** Anchors must grow with stride (small anchors on the fine level); a reversed list is flipped. */
    static List<double[]> checkAnchorOrder(List<double[]> anchors, double[] strides) {
        double first = meanArea(anchors.get(0));
        double last = meanArea(anchors.get(anchors.size() - 1));
        double da = last - first;
        double ds = strides[strides.length - 1] - strides[0];
        if (da != 0 && Math.signum(da) != Math.signum(ds)) {
            List<double[]> flipped = new ArrayList<>(anchors);
            java.util.Collections.reverse(flipped);
            return flipped;
        }
        return anchors;
    }

    private static double meanArea(double[] wh) {
        double s = 0;
        for (int k = 0; k < wh.length; k += 2) {
            s += wh[k] * wh[k + 1];
        }
        return s / (wh.length / 2.0);
    }
}
