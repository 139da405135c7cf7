package dev.yolotrain.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.config.ModelConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelBuilderTest {

    /** Exact counts and state_dict sizes from ../shared/reference/yolov5-models.tsv (YOLOv5's own summary). */
    @ParameterizedTest
    @CsvSource({
        "yolov5n, 1872157, 349, 4.5",
        "yolov5s, 7235389, 349, 16.5",
        "yolov5m, 21190557, 481, 49.0",
        "yolov5l, 46563709, 613, 109.1",
        "yolov5x, 86749405, 745, 205.7"
    })
    void matchesYolov5ParameterCountsAndGflops(String name, long params, int tensors, double gflops) {
        ModelConfig cfg = BuiltinModels.load(name);
        ModelGraph g = ModelBuilder.build(cfg);
        assertEquals(params, g.parameterCount(), name + " parameters");
        assertEquals(tensors, g.registry().stateKeys().size(), name + " state_dict tensors");
        double ours = g.gflops(640, 640);
        assertTrue(Math.abs(ours - gflops) / gflops < 0.02, name + " GFLOPs " + ours + " vs published " + gflops);
        assertEquals(8.0, g.strides()[0]);
        assertEquals(32.0, g.strides()[2]);
    }
}
