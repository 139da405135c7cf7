package dev.yolotrain.engine.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a YOLO label file: one {@code class x y w h} row per object (normalised centre xywh),
 * whitespace-separated; CRLF and blank lines are fine. A row with an odd number ≥ 7 of values is a
 * segment ({@code class x1 y1 x2 y2 x3 y3 ...}, normalised) and becomes its bounding box, as YOLOv5
 * does (YOLOv5 converts every row of a file once any row is a segment; here each row on its own).
 * Rows are float32, as in YOLOv5; exact duplicate rows are removed (first kept) and counted.
 */
final class LabelParser {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    /**
     * @param boxes rows {class, x, y, w, h}, duplicates removed; empty for an empty file or on error
     * @param duplicates rows removed as exact duplicates
     * @param error the first problem (names the row), or null
     * @param maxClass the largest class id among rows whose class is a non-negative integer, or -1
     */
    record Parsed(float[][] boxes, int duplicates, String error, int maxClass) {}

    private LabelParser() {}

    static Parsed parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<float[]> rows = new ArrayList<>();
        String error = null;
        int maxClass = -1;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split("\\s+");
            float[] v = new float[cols.length];
            String rowError = values(cols, v, i + 1);
            if (rowError == null && v[0] == Math.rint(v[0]) && v[0] >= 0) {
                maxClass = Math.max(maxClass, (int) Math.min(v[0], Integer.MAX_VALUE));
            }
            if (rowError == null) {
                rowError = check(v, i + 1);
            }
            if (rowError != null) {
                error = error == null ? rowError : error;
                continue;
            }
            rows.add(v.length == 5 ? v : polygonBox(v));
        }
        if (error != null) {
            return new Parsed(new float[0][], 0, error, maxClass);
        }
        Set<List<Float>> seen = new LinkedHashSet<>();
        List<float[]> unique = new ArrayList<>();
        for (float[] r : rows) {
            if (seen.add(List.of(r[0], r[1], r[2], r[3], r[4]))) {
                unique.add(r);
            }
        }
        return new Parsed(unique.toArray(new float[0][]), rows.size() - unique.size(), null, maxClass);
    }

    private static String values(String[] cols, float[] v, int row) {
        for (int j = 0; j < cols.length; j++) {
            String c = cols[j];
            if (NON_FINITE.matcher(c).matches()) {
                return "row " + row + ": non-finite value '" + c + "' (NaN/inf)";
            }
            if (!NUMBER.matcher(c).matches()) {
                return "row " + row + ": '" + c + "' is not a number";
            }
            v[j] = Float.parseFloat(c);
            if (!Float.isFinite(v[j])) {
                return "row " + row + ": non-finite value '" + c + "' (overflows float32)";
            }
        }
        return null;
    }

    private static String check(float[] v, int row) {
        boolean polygon = v.length >= 7 && v.length % 2 == 1;
        if (v.length != 5 && !polygon) {
            return "row " + row + ": " + v.length + " columns, expected exactly 5 (class x y w h)"
                    + " or a polygon (class and 3+ x y pairs)";
        }
        for (float x : v) {
            if (x < 0) {
                return "row " + row + ": negative value " + fmt(x);
            }
        }
        for (int j = 1; j < v.length; j++) {
            if (v[j] > 1) {
                return "row " + row + ": coordinate " + fmt(v[j]) + " outside [0, 1] (labels must be normalised)";
            }
        }
        if (v[0] != Math.rint(v[0])) {
            return "row " + row + ": class " + fmt(v[0]) + " is not an integer";
        }
        return null;
    }

    /** The bounding box {class, cx, cy, w, h} of a polygon row {class, x1, y1, x2, y2, ...}. */
    static float[] polygonBox(float[] v) {
        float x0 = Float.MAX_VALUE, y0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE, y1 = -Float.MAX_VALUE;
        for (int j = 1; j + 1 < v.length; j += 2) {
            x0 = Math.min(x0, v[j]);
            x1 = Math.max(x1, v[j]);
            y0 = Math.min(y0, v[j + 1]);
            y1 = Math.max(y1, v[j + 1]);
        }
        return new float[] {v[0], (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0};
    }

    private static String fmt(float x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
