package dev.yolotrain.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelConfigParserTest {

    private static final String HEADER = "nc: 3\ndepth_multiple: 0.33\nwidth_multiple: 0.25\n"
            + "anchors:\n  - [10,13, 16,30, 33,23]\n  - [30,61, 62,45, 59,119]\n  - [116,90, 156,198, 373,326]\n";

    @ParameterizedTest
    @CsvSource({"v4/yolov5s, 7276605", "v3/yolov5s, 7468157"})
    void olderLayoutsBuildWithTheirYolov5Counts(String name, long params) {
        assertEquals(params, ModelBuilder.build(BuiltinModels.load(name)).parameterCount());
    }

    @Test
    void unknownModuleNamesTheLineAndModule() {
        String yml = HEADER + "backbone:\n  [[-1, 1, Conv, [64, 6, 2, 2]],\n   [-1, 1, Fancy, [128]],\n  ]\nhead:\n  [[[1], 1, Detect, [nc, anchors]]]\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ModelBuilder.build(ModelConfigParser.parse(yml, "bad.yml")));
        assertTrue(e.getMessage().contains("line 10"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown module 'Fancy'"), e.getMessage());
    }

    @Test
    void malformedInputsAreNamed() {
        assertMessage("nc: 3\n", "missing key 'depth_multiple'");
        assertMessage("nc: [1\n", "invalid YAML");
        assertMessage(HEADER + "backbone: [[-1, 1, Conv]]\nhead: []\n", "[from, number, module, args]");
        assertMessage(HEADER + "backbone: [[3, 1, Conv, [16]]]\nhead: []\n", "does not refer to an earlier layer");
        assertMessage(HEADER + "backbone: [[-1, 0, Conv, [16]]]\nhead: []\n", "'number' must be an integer");
        assertMessage(HEADER.replace("nc: 3", "nc: -1") + "backbone: []\nhead: []\n", "nc must be >= 1");
        assertMessage("nc: 3\ndepth_multiple: 0.33\nwidth_multiple: 0.25\nanchors: [[1, 2, 3]]\nbackbone: []\nhead: []\n",
                "even-length");
        assertMessage("!!java.lang.Object {}\n", "invalid YAML");
    }

    @Test
    void detectMustBeLastAndPresent() {
        String noDetect = HEADER + "backbone: [[-1, 1, Conv, [16, 3, 2]]]\nhead: []\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ModelBuilder.build(ModelConfigParser.parse(noDetect, "x.yml")));
        assertTrue(e.getMessage().contains("last layer must be Detect"), e.getMessage());
    }

    private static void assertMessage(String yml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ModelBuilder.build(ModelConfigParser.parse(yml, "t.yml")));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }
}
