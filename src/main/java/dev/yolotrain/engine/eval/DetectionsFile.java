package dev.yolotrain.engine.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and checks a detections file (the map-cases format):
 *
 * <pre>{@code
 * {"names": ["a", "b"],
 *  "images": [{"id": "img1", "gt": [[cls, x1, y1, x2, y2], ...],
 *                            "pred": [[x1, y1, x2, y2, conf, cls], ...]}]}
 * }</pre>
 *
 * Every number must be finite, every class id an integer in {@code [0, names.size())}, every box
 * have {@code x2 ≥ x1} and {@code y2 ≥ y1}. Other keys are ignored.
 */
public final class DetectionsFile {

    /** One image: its id, ground truth and final detections. */
    public record Image(String id, List<GroundTruth> gt, List<Detection> pred) {}

    /** A whole file: class names and images. */
    public record Contents(List<String> names, List<Image> images) {

        /** Scores every image. */
        public DetectionMetrics score() {
            DetectionStats stats = new DetectionStats();
            for (Image im : images) {
                stats.add(im.gt(), im.pred());
            }
            return stats.compute(names);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private DetectionsFile() {}

    public static Contents read(Path file) throws InvalidInputException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("no such file: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidInputException("malformed JSON in " + file + jsonWhere(e) + ": " + jsonWhat(e));
        }
        return parse(root);
    }

    private static String jsonWhere(JacksonException e) {
        var loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }

    private static String jsonWhat(JacksonException e) {
        // drop Jackson's "(start marker at [Source: REDACTED …])" asides: the line and column say it
        return String.valueOf(e.getOriginalMessage()).replaceAll("\\s*\\([^()]*\\[Source: [^\\]]*\\]\\)", "");
    }

    /** Checks and converts an already-parsed document. */
    public static Contents parse(JsonNode root) throws InvalidInputException {
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("the document must be a JSON object with 'names' and 'images'");
        }
        JsonNode namesNode = root.get("names");
        if (namesNode == null || !namesNode.isArray() || namesNode.isEmpty()) {
            throw new InvalidInputException("'names' must be a non-empty array of class names");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : namesNode) {
            if (!n.isString()) {
                throw new InvalidInputException("'names' must hold strings; found " + n);
            }
            names.add(n.stringValue());
        }
        JsonNode imagesNode = root.get("images");
        if (imagesNode == null || !imagesNode.isArray()) {
            throw new InvalidInputException("'images' must be an array");
        }
        List<Image> images = new ArrayList<>();
        for (int i = 0; i < imagesNode.size(); i++) {
            images.add(image(imagesNode.get(i), i, names.size()));
        }
        return new Contents(List.copyOf(names), List.copyOf(images));
    }

    private static Image image(JsonNode node, int index, int nc) throws InvalidInputException {
        if (!node.isObject()) {
            throw new InvalidInputException("images[" + index + "] must be an object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode == null || idNode.isNull() ? "#" + index : idNode.asString();
        String where = "image '" + id + "' (images[" + index + "])";
        List<GroundTruth> gt = new ArrayList<>();
        for (double[] r : rows(node.get("gt"), where + " gt", 5)) {
            String at = where + " gt[" + gt.size() + "]";
            checkBox(at, r[1], r[2], r[3], r[4]);
            gt.add(new GroundTruth(classId(at, r[0], nc), r[1], r[2], r[3], r[4]));
        }
        List<Detection> pred = new ArrayList<>();
        for (double[] r : rows(node.get("pred"), where + " pred", 6)) {
            String at = where + " pred[" + pred.size() + "]";
            checkBox(at, r[0], r[1], r[2], r[3]);
            pred.add(new Detection(r[0], r[1], r[2], r[3], r[4], classId(at, r[5], nc)));
        }
        return new Image(id, List.copyOf(gt), List.copyOf(pred));
    }

    private static List<double[]> rows(JsonNode node, String where, int width) throws InvalidInputException {
        List<double[]> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(where + " must be an array of rows");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            String at = where + "[" + i + "]";
            if (!row.isArray() || row.size() != width) {
                throw new InvalidInputException(at + " must be an array of " + width + " numbers; found " + row);
            }
            double[] v = new double[width];
            for (int k = 0; k < width; k++) {
                JsonNode x = row.get(k);
                if (!x.isNumber()) {
                    throw new InvalidInputException(at + " holds a non-number: " + x);
                }
                v[k] = x.doubleValue();
                if (!Double.isFinite(v[k])) {
                    throw new InvalidInputException(at + " holds " + v[k] + "; every number must be finite");
                }
            }
            out.add(v);
        }
        return out;
    }

    private static void checkBox(String at, double x1, double y1, double x2, double y2) throws InvalidInputException {
        if (x2 < x1 || y2 < y1) {
            throw new InvalidInputException(at + " box has x2 < x1 or y2 < y1: [" + x1 + ", " + y1 + ", " + x2
                    + ", " + y2 + "] (boxes are x1, y1, x2, y2 in pixels)");
        }
    }

    private static int classId(String at, double v, int nc) throws InvalidInputException {
        if (v != Math.rint(v) || v < 0 || v >= nc) {
            throw new InvalidInputException(at + " class id " + v + " is not an integer in 0.." + (nc - 1)
                    + " (the file names " + nc + " classes)");
        }
        return (int) v;
    }
}
