package dev.yolotrain.engine.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DetectionMetrics} as JSON, with the field names of the map-cases {@code .expected.json}
 * files: {@code all} {P, R, mAP50, mAP50_95}, {@code classes} [{id, name, images, instances, P, R,
 * mAP50, mAP50_95, AP_per_iou, tp_at_maxF1, fp_at_maxF1}], plus {@code images}, {@code instances}
 * and {@code fitness}.
 */
public final class MetricsJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MetricsJson() {}

    public static Map<String, Object> toMap(DetectionMetrics m) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("P", m.precision());
        all.put("R", m.recall());
        all.put("mAP50", m.map50());
        all.put("mAP50_95", m.map50to95());
        List<Map<String, Object>> classes = new ArrayList<>();
        for (ClassMetrics c : m.classes()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", c.id());
            row.put("name", c.name());
            row.put("images", c.images());
            row.put("instances", c.instances());
            row.put("P", c.precision());
            row.put("R", c.recall());
            row.put("mAP50", c.map50());
            row.put("mAP50_95", c.map50to95());
            row.put("AP_per_iou", c.apPerIou());
            row.put("tp_at_maxF1", c.tpAtMaxF1());
            row.put("fp_at_maxF1", c.fpAtMaxF1());
            classes.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("all", all);
        out.put("classes", classes);
        out.put("images", m.images());
        out.put("instances", m.instances());
        out.put("fitness", m.fitness());
        return out;
    }

    /** One line of JSON. */
    public static String toJson(DetectionMetrics m) {
        return JSON.writeValueAsString(toMap(m));
    }
}
