package dev.yolotrain.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link DatasetReport} for people, in the manner of YOLOv5's "Scanning ... N images, M backgrounds, K corrupt". */
public final class DatasetReportText {

    private DatasetReportText() {}

    public static List<String> lines(DatasetReport r) {
        List<String> out = new ArrayList<>();
        List<String> names = r.config().names();
        out.add("data: " + r.config().file() + " (" + names.size() + " classes: " + String.join(", ", names) + ")");
        for (SplitReport s : r.splits().values()) {
            split(s, names, out);
        }
        int fatal = r.fatal().size();
        out.add(fatal == 0 ? "dataset OK" : "dataset NOT usable: " + fatal + " fatal problem" + (fatal == 1 ? "" : "s"));
        return out;
    }

    private static void split(SplitReport s, List<String> names, List<String> out) {
        String p = s.name() + ": ";
        String where = s.sources().size() == 1 ? s.sources().get(0).toString() : s.sources().toString();
        out.add(p + "Scanning " + where + "... " + s.imagesFound() + " images, " + s.backgrounds() + " backgrounds, "
                + s.corrupt().size() + " corrupt"
                + (s.cacheFile() == null ? "" : (s.fromCache() ? " (read from cache " : " (cached in ") + s.cacheFile() + ")"));
        if (s.imagesFound() > 0) {
            int dup = s.duplicates().stream().mapToInt(DuplicateRows::count).sum();
            out.add(p + s.labelsFound() + " label files found, " + s.missing() + " missing, " + s.empty() + " empty, "
                    + s.images().size() + " images usable, " + dup + " duplicate rows removed");
        }
        for (String w : s.warnings()) {
            out.add(p + "WARNING " + w);
        }
        for (Problem c : s.corrupt()) {
            out.add(p + "WARNING skipped " + c.image() + ": " + (c.file().equals(c.image()) ? "" : c.file() + ": ") + c.reason());
        }
        for (Problem f : s.fatal()) {
            out.add(p + "ERROR " + f);
        }
        if (s.imagesFound() > 0) {
            int w = Math.max(20, names.stream().mapToInt(String::length).max().orElse(0) + 2);
            out.add(p + pad("Class", w) + String.format(Locale.ROOT, "%12s", "Instances"));
            out.add(p + pad("all", w) + String.format(Locale.ROOT, "%12d", s.instances()));
            for (int c = 0; c < names.size(); c++) {
                out.add(p + pad(names.get(c), w) + String.format(Locale.ROOT, "%12d", s.instancesPerClass()[c]));
            }
        }
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
