package dev.yolotrain.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link DatasetReport} as one line of JSON: {@code ok}, {@code data}, {@code names}, {@code nc},
 * {@code fatal} [{image, file, reason}], and per split (under {@code splits}): sources, images, labels,
 * missing, empty, backgrounds, usable, corrupt [{image, file, reason}], duplicates [{file, count}],
 * instances (per class id), fatal, warnings, cache, from_cache. The usable boxes are not included.
 */
public final class DatasetReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DatasetReportJson() {}

    public static String toJson(DatasetReport r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", !r.hasFatal());
        out.put("data", r.config().file().toString());
        out.put("names", r.config().names());
        out.put("nc", r.config().nc());
        out.put("fatal", problems(r.fatal()));
        Map<String, Object> splits = new LinkedHashMap<>();
        for (SplitReport s : r.splits().values()) {
            splits.put(s.name(), split(s));
        }
        out.put("splits", splits);
        return JSON.writeValueAsString(out);
    }

    /** {"ok": false, "error": message}: for a data.yaml that cannot be read at all. */
    public static String error(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", false);
        out.put("error", message);
        return JSON.writeValueAsString(out);
    }

    private static Map<String, Object> split(SplitReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", s.sources().stream().map(Object::toString).toList());
        m.put("images", s.imagesFound());
        m.put("labels", s.labelsFound());
        m.put("missing", s.missing());
        m.put("empty", s.empty());
        m.put("backgrounds", s.backgrounds());
        m.put("usable", s.images().size());
        m.put("corrupt", problems(s.corrupt()));
        List<Map<String, Object>> dup = new ArrayList<>();
        for (DuplicateRows d : s.duplicates()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", d.file().toString());
            row.put("count", d.count());
            dup.add(row);
        }
        m.put("duplicates", dup);
        m.put("instances", s.instancesPerClass());
        m.put("fatal", problems(s.fatal()));
        m.put("warnings", s.warnings());
        m.put("cache", DatasetReportText.str(s.cacheFile()));
        m.put("from_cache", s.fromCache());
        return m;
    }

    private static List<Map<String, Object>> problems(List<Problem> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Problem p : problems) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("image", DatasetReportText.str(p.image()));
            row.put("file", DatasetReportText.str(p.file()));
            row.put("reason", p.reason());
            out.add(row);
        }
        return out;
    }
}
