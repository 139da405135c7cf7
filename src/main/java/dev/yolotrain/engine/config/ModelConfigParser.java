package dev.yolotrain.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a yolov5*.yml into a {@link ModelConfig}; errors name the file, line and module. */
public final class ModelConfigParser {

    private static final int MAX_LAYERS = 1000;

    private ModelConfigParser() {}

    public static ModelConfig parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read model config " + file + ": " + e.getMessage(), e);
        }
    }

    public static ModelConfig parse(String text, String source) {
        Node root = compose(text, source);
        if (!(root instanceof MappingNode map)) {
            throw new ConfigException(source + ": a model config must be a YAML mapping (nc, depth_multiple, ...)");
        }
        Map<String, Node> keys = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                keys.put(k.getValue(), t.getValueNode());
            }
        }
        int nc = intValue(required(keys, "nc", source), "nc", source);
        if (nc < 1) {
            throw new ConfigException(source + ": nc must be >= 1, got " + nc);
        }
        double gd = positive(keys, "depth_multiple", source);
        double gw = positive(keys, "width_multiple", source);
        List<double[]> anchors = new ArrayList<>();
        int na = parseAnchors(required(keys, "anchors", source), anchors, source);
        List<LayerSpec> layers = new ArrayList<>();
        for (String section : new String[] {"backbone", "head"}) {
            Node n = required(keys, section, source);
            if (!(n instanceof SequenceNode seq)) {
                throw new ConfigException(source + " line " + line(n) + ": " + section + " must be a list of [from, number, module, args]");
            }
            for (Node row : seq.getValue()) {
                layers.add(parseLayer(row, layers.size(), source));
                if (layers.size() > MAX_LAYERS) {
                    throw new ConfigException(source + ": more than " + MAX_LAYERS + " layers");
                }
            }
        }
        if (layers.isEmpty()) {
            throw new ConfigException(source + ": no layers in backbone/head");
        }
        return new ModelConfig(nc, gd, gw, anchors, na, List.copyOf(layers), source, text);
    }

    private static Node compose(String text, String source) {
        Yaml yaml = SafeYaml.loader(20, 1 << 20);
        try {
            return yaml.compose(new java.io.StringReader(text));
        } catch (YAMLException e) {
            throw new ConfigException(source + ": invalid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
    }

    private static int parseAnchors(Node n, List<double[]> out, String source) {
        if (n instanceof ScalarNode) {
            int na = intValue(n, "anchors", source);
            if (na < 1 || na > 16) {
                throw new ConfigException(source + " line " + line(n) + ": anchors count must be 1..16, got " + na);
            }
            return na;
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            throw new ConfigException(source + " line " + line(n) + ": anchors must be a count or a list of [w,h, w,h, ...] per level");
        }
        int na = -1;
        for (Node level : seq.getValue()) {
            Object v = NodeValues.toJava(level);
            if (!(v instanceof List<?> list) || list.isEmpty() || list.size() % 2 != 0) {
                throw new ConfigException(source + " line " + line(level) + ": each anchors level must be an even-length list of numbers");
            }
            double[] wh = new double[list.size()];
            for (int i = 0; i < wh.length; i++) {
                if (!(list.get(i) instanceof Number num) || !(num.doubleValue() > 0) || Double.isInfinite(num.doubleValue())) {
                    throw new ConfigException(source + " line " + line(level) + ": anchor sizes must be positive numbers, got " + list.get(i));
                }
                wh[i] = num.doubleValue();
            }
            if (na >= 0 && na != wh.length / 2) {
                throw new ConfigException(source + " line " + line(level) + ": every level needs the same number of anchors");
            }
            na = wh.length / 2;
            out.add(wh);
        }
        return na;
    }

    private static LayerSpec parseLayer(Node row, int index, String source) {
        int line = line(row);
        String at = source + " line " + line + " (layer " + index + ")";
        if (!(NodeValues.toJava(row) instanceof List<?> cells) || cells.size() != 4) {
            throw new ConfigException(at + ": a layer must be [from, number, module, args]");
        }
        List<Integer> from = new ArrayList<>();
        Object f = cells.get(0);
        if (f instanceof Integer i) {
            from.add(i);
        } else if (f instanceof List<?> fl && !fl.isEmpty()) {
            for (Object o : fl) {
                if (!(o instanceof Integer i)) {
                    throw new ConfigException(at + ": 'from' entries must be integers, got " + o);
                }
                from.add(i);
            }
        } else {
            throw new ConfigException(at + ": 'from' must be an integer or a list of integers, got " + f);
        }
        for (int i = 0; i < from.size(); i++) {
            int fi = from.get(i);
            int abs = fi < 0 ? index + fi : fi;
            if (abs < -1 || abs >= index || (abs == -1 && index > 0) || (fi < -1 && abs < 0)) {
                throw new ConfigException(at + ": 'from' " + fi + " does not refer to an earlier layer");
            }
        }
        if (!(cells.get(1) instanceof Integer number) || number < 1 || number > 100) {
            throw new ConfigException(at + ": 'number' must be an integer 1..100, got " + cells.get(1));
        }
        if (!(cells.get(2) instanceof String module) || module.isBlank()) {
            throw new ConfigException(at + ": 'module' must be a name such as Conv or C3, got " + cells.get(2));
        }
        List<Object> args = new ArrayList<>();
        if (cells.get(3) instanceof List<?> al) {
            args.addAll(al);
        } else {
            throw new ConfigException(at + ": 'args' must be a list, got " + cells.get(3));
        }
        return new LayerSpec(index, List.copyOf(from), number, module, args, line);
    }

    private static Node required(Map<String, Node> keys, String key, String source) {
        Node n = keys.get(key);
        if (n == null) {
            throw new ConfigException(source + ": missing key '" + key + "'");
        }
        return n;
    }

    private static double positive(Map<String, Node> keys, String key, String source) {
        Node n = required(keys, key, source);
        Object v = NodeValues.toJava(n);
        if (!(v instanceof Number num) || !(num.doubleValue() > 0) || num.doubleValue() > 10) {
            throw new ConfigException(source + " line " + line(n) + ": " + key + " must be a number in (0, 10], got " + v);
        }
        return num.doubleValue();
    }

    private static int intValue(Node n, String key, String source) {
        Object v = NodeValues.toJava(n);
        if (!(v instanceof Integer i)) {
            throw new ConfigException(source + " line " + line(n) + ": " + key + " must be an integer, got " + v);
        }
        return i;
    }

    static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** Converts composed nodes to plain Java values with YAML 1.1 core resolution (safe: no custom tags). */
    static final class NodeValues {
        private NodeValues() {}

        static Object toJava(Node n) {
            if (n instanceof ScalarNode s) {
                Tag tag = s.getTag();
                String v = s.getValue();
                try {
                    if (Tag.INT.equals(tag)) {
                        long l = Long.parseLong(v.replace("_", ""));
                        return (l == (int) l) ? (Object) (int) l : (Object) l;
                    }
                    if (Tag.FLOAT.equals(tag)) {
                        return Double.parseDouble(v.replace("_", ""));
                    }
                } catch (NumberFormatException e) {
                    return v;
                }
                if (Tag.BOOL.equals(tag)) {
                    return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
                }
                if (Tag.NULL.equals(tag)) {
                    return null;
                }
                return v;
            }
            if (n instanceof SequenceNode seq) {
                List<Object> out = new ArrayList<>();
                for (Node c : seq.getValue()) {
                    out.add(toJava(c));
                }
                return out;
            }
            if (n instanceof MappingNode m) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    out.put(String.valueOf(toJava(t.getKeyNode())), toJava(t.getValueNode()));
                }
                return out;
            }
            return null;
        }
    }
}
