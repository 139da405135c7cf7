package dev.yolotrain.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The validation table as YOLOv5 prints it: a header, an {@code all} row, then one row per class,
 * laid out {@code %22s%11i%11i%11.3g%11.3g%11.3g%11.3g} (Python's {@code %g}: three significant
 * digits, trailing zeros dropped). Like YOLOv5 v7.0, the Images column of a class row is the number
 * of images seen, not the number that contain the class.
 */
public final class MetricsTable {

    private MetricsTable() {}

    public static List<String> lines(DetectionMetrics m) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%22s%11s%11s%11s%11s%11s%11s",
                "Class", "Images", "Instances", "P", "R", "mAP50", "mAP50-95"));
        out.add(row("all", m.images(), m.instances(), m.precision(), m.recall(), m.map50(), m.map50to95()));
        for (ClassMetrics c : m.classes()) {
            out.add(row(c.name(), m.images(), c.instances(), c.precision(), c.recall(), c.map50(), c.map50to95()));
        }
        return out;
    }

    private static String row(String name, int images, int instances, double p, double r, double m50, double m) {
        return String.format(Locale.ROOT, "%22s%11d%11d%11s%11s%11s%11s",
                name, images, instances, g3(p), g3(r), g3(m50), g3(m));
    }

    /** Python's {@code '%.3g' % v}. */
    static String g3(double v) {
        return dev.yolotrain.engine.util.PyFormat.g(v, 3);
    }
}
