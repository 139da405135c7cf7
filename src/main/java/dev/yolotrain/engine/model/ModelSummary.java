package dev.yolotrain.engine.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** YOLOv5-style model summary: a layer table, parameter totals, GFLOPs at an image size. */
public final class ModelSummary {
    private final ModelGraph graph;
    private final String name;
    private final int imgSize;

    public ModelSummary(ModelGraph graph, String name, int imgSize) {
        this.graph = graph;
        this.name = name;
        this.imgSize = imgSize;
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%3s%18s%3s%10s  %-40s%-30s%n", "", "from", "n", "params", "module", "arguments"));
        for (Layer l : graph.layers()) {
            String from = l.from().size() == 1 ? String.valueOf(l.from().get(0)) : pyStr(l.from());
            sb.append(String.format(Locale.ROOT, "%3d%18s%3d%10d  %-40s%-30s%n",
                    l.index(), from, l.number(), l.params(), qualified(l.type()), pyStr(l.args())));
        }
        long p = graph.parameterCount();
        sb.append(String.format(Locale.ROOT, "%s summary: %d layers, %d parameters, %d gradients, %.1f GFLOPs at %d%n",
                name, graph.layers().size(), p, p, graph.gflops(imgSize, imgSize), imgSize));
        return sb.toString();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", name);
        m.put("nc", graph.nc());
        m.put("imgSize", imgSize);
        m.put("parameters", graph.parameterCount());
        m.put("gradients", graph.parameterCount());
        m.put("gflops", Math.round(graph.gflops(imgSize, imgSize) * 1000) / 1000.0);
        m.put("stateDictTensors", graph.registry().stateKeys().size());
        m.put("strides", graph.strides());
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer l : graph.layers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("index", l.index());
            row.put("from", l.from());
            row.put("n", l.number());
            row.put("params", l.params());
            row.put("module", l.type());
            row.put("arguments", pyStr(l.args()));
            layers.add(row);
        }
        m.put("layers", layers);
        return m;
    }

    private static String qualified(String type) {
        switch (type) {
            case "Upsample":
                return "torch.nn.modules.upsampling.Upsample";
            case "Detect":
                return "models.yolo.Detect";
            default:
                return "models.common." + type;
        }
    }

    /** Python's str() of the value, so the table reads like YOLOv5's. */
    static String pyStr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            return s.equals("None") || s.equals("True") || s.equals("False") || s.equals("nc") || s.equals("anchors")
                    ? s : "'" + s + "'";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(pyStr(l.get(i)));
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }
}
