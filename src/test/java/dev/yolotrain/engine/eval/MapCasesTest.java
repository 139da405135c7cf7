package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared reference cases: every number YOLOv5 v7.0 prints for them, to 1e-4. */
class MapCasesTest {

    private static final double TOL = 1e-4;
    private static double maxError;

    @AfterAll
    static void report() {
        System.out.printf("map-cases: max abs error %.3g%n", maxError);
    }

    @ParameterizedTest
    @ValueSource(strings = {"perfect", "mixed_duplicates", "class_without_gt"})
    void matchesYolov5(String name) throws Exception {
        DetectionMetrics m = DetectionsFile.read(resource(name + ".json")).score();
        JsonNode exp = JsonMapper.builder().build().readTree(resource(name + ".expected.json").toFile());

        JsonNode all = exp.get("all");
        near(all.get("P"), m.precision(), name + " all P");
        near(all.get("R"), m.recall(), name + " all R");
        near(all.get("mAP50"), m.map50(), name + " all mAP50");
        near(all.get("mAP50_95"), m.map50to95(), name + " all mAP50_95");
        assertEquals(exp.get("images").intValue(), m.images());
        assertEquals(exp.get("instances").intValue(), m.instances());

        JsonNode classes = exp.get("classes");
        assertEquals(classes.size(), m.classes().size(), name + ": reported classes");
        for (int i = 0; i < classes.size(); i++) {
            JsonNode e = classes.get(i);
            ClassMetrics c = m.classes().get(i);
            String at = name + " class " + e.get("name").stringValue();
            assertEquals(e.get("id").intValue(), c.id(), at);
            assertEquals(e.get("name").stringValue(), c.name(), at);
            assertEquals(e.get("instances").intValue(), c.instances(), at);
            near(e.get("P"), c.precision(), at + " P");
            near(e.get("R"), c.recall(), at + " R");
            near(e.get("mAP50"), c.map50(), at + " mAP50");
            near(e.get("mAP50_95"), c.map50to95(), at + " mAP50_95");
            near(e.get("tp_at_maxF1"), c.tpAtMaxF1(), at + " tp");
            near(e.get("fp_at_maxF1"), c.fpAtMaxF1(), at + " fp");
            double[] ap = c.apPerIou();
            assertEquals(10, e.get("AP_per_iou").size());
            for (int t = 0; t < 10; t++) {
                near(e.get("AP_per_iou").get(t), ap[t], at + " AP@" + t);
            }
        }

        List<String> printed = new ArrayList<>();
        exp.get("printed").forEach(n -> printed.add(n.stringValue()));
        assertEquals(printed, MetricsTable.lines(m), name + ": printed table");

        double[] thr = IouThresholds.values();
        for (int t = 0; t < 10; t++) {
            assertEquals(exp.get("iou_thresholds").get(t).doubleValue(), thr[t], 0.0);
        }
    }

    private static void near(JsonNode expected, double actual, String what) {
        double err = Math.abs(expected.doubleValue() - actual);
        maxError = Math.max(maxError, err);
        assertEquals(expected.doubleValue(), actual, TOL, what);
    }

    static Path resource(String file) throws URISyntaxException {
        return Path.of(MapCasesTest.class.getResource("/eval/map-cases/" + file).toURI());
    }
}
