package dev.yolotrain.engine.model;

import dev.yolotrain.engine.config.LayerSpec;
import dev.yolotrain.engine.config.ModelConfig;
import java.util.ArrayList;
import java.util.List;

/** Typed access to a yml row's args, resolving YOLOv5's names (nc, anchors, None, True/False). */
final class Args {
    private final ModelConfig cfg;
    private final List<Object> raw;

    Args(ModelConfig cfg, LayerSpec spec) {
        this.cfg = cfg;
        this.raw = spec.args();
    }

    private Object resolve(int i) {
        if (i >= raw.size()) {
            return null;
        }
        Object v = raw.get(i);
        if (v instanceof String s) {
            switch (s) {
                case "nc":
                    return cfg.nc();
                case "None":
                    return null;
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                default:
                    return s;
            }
        }
        return v;
    }

    int integer(int i, String what) {
        Object v = resolve(i);
        if (!(v instanceof Integer n)) {
            throw new IllegalArgumentException("argument " + (i + 1) + " (" + what + ") must be an integer, got " + v);
        }
        if (n < 1) {
            throw new IllegalArgumentException("argument " + (i + 1) + " (" + what + ") must be >= 1, got " + n);
        }
        return n;
    }

    int integer(int i, int dflt) {
        Object v = resolve(i);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Integer n) || n < 0) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a non-negative integer, got " + v);
        }
        return n;
    }

    Integer optInteger(int i) {
        Object v = resolve(i);
        if (v == null) {
            return null;
        }
        return integer(i, 0);
    }

    boolean bool(int i, boolean dflt) {
        Object v = resolve(i);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be True or False, got " + v);
        }
        return b;
    }

    double number(int i, double dflt) {
        Object v = resolve(i);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 8) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a number in (0, 8], got " + v);
        }
        return n.doubleValue();
    }

    List<Integer> intList(int i, List<Integer> dflt) {
        Object v = resolve(i);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new IllegalArgumentException("argument " + (i + 1) + " must be a list of odd kernel sizes, got " + v);
        }
        List<Integer> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Integer k) || k < 1 || k % 2 == 0) {
                throw new IllegalArgumentException("kernel sizes must be odd positive integers, got " + o);
            }
            out.add(k);
        }
        return out;
    }

    /** nn.Upsample(size=None, scale_factor, mode='nearest'): only integer nearest scaling is supported. */
    int upsampleFactor() {
        if (resolve(0) != null) {
            throw new IllegalArgumentException("nn.Upsample with a fixed size is not supported; use [None, 2, 'nearest']");
        }
        Object f = resolve(1);
        Object mode = resolve(2);
        if (mode != null && !"nearest".equals(mode)) {
            throw new IllegalArgumentException("nn.Upsample mode '" + mode + "' is not supported; use 'nearest'");
        }
        if (f instanceof Integer n && n >= 1) {
            return n;
        }
        if (f instanceof Double d && d >= 1 && d == Math.rint(d)) {
            return d.intValue();
        }
        throw new IllegalArgumentException("nn.Upsample scale_factor must be a positive integer, got " + f);
    }

    /** The args as YOLOv5 prints them after channel scaling: [c1, c2, (n,) rest…]. */
    List<Object> printed(String type, int c1, int c2, int n) {
        List<Object> out = new ArrayList<>();
        switch (type) {
            case "Upsample":
                out.addAll(raw);
                return out;
            case "Concat":
                out.add(raw.isEmpty() ? 1 : raw.get(0));
                return out;
            default:
                out.add(c1);
                out.add(c2);
                if (type.equals("C3") || type.equals("BottleneckCSP")) {
                    out.add(n);
                }
                for (int i = 1; i < raw.size(); i++) {
                    out.add(raw.get(i));
                }
                return out;
        }
    }
}
