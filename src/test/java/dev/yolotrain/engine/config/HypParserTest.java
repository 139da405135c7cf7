package dev.yolotrain.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"hyp.scratch-low.yaml", "hyp.scratch-med.yaml", "hyp.scratch-high.yaml"})
    void shippedHypFilesAreValidAndComplete(String name) {
        Hyp h = HypParser.parse(Path.of("config_document", name));
        for (HypKey k : Hyp.KEYS) {
            if (!k.name().equals("anchors")) {
                assertTrue(h.isExplicit(k.name()), name + " sets " + k.name());
            }
        }
        assertFalse(h.isExplicit("anchors"), "anchors is commented out in YOLOv5's files");
    }

    @Test
    void defaultsAreScratchLow() {
        Hyp low = HypParser.parse(Path.of("config_document/hyp.scratch-low.yaml"));
        Hyp d = Hyp.defaults();
        for (HypKey k : Hyp.KEYS) {
            if (!k.name().equals("anchors")) {
                assertEquals(low.get(k.name()), d.get(k.name()), k.name());
            }
        }
    }

    @Test
    void errorsNameTheKey() {
        assertError("lr0: 0.01\nlearning_rate: 3\n", "unknown hyp key 'learning_rate'");
        assertError("lr0: fast\n", "hyp 'lr0' must be a number");
        assertError("lr0: .nan\n", "hyp 'lr0' must be a finite number");
        assertError("momentum: .inf\n", "hyp 'momentum' must be a finite number");
        assertError("fliplr: 1.5\n", "hyp 'fliplr' (horizontal flip probability) must be in [0, 1], got 1.5");
        assertError("lr0: 0\n", "hyp 'lr0'");
        assertError("anchors: 2.5\n", "whole number");
        assertError("- 1\n- 2\n", "mapping");
        assertError("lr0: [1\n", "invalid YAML");
        assertError("lr0: 0.1\nlr0: 0.2\n", "invalid YAML");
    }

    @Test
    void missingKeysTakeDefaults() {
        Hyp h = HypParser.parse("lr0: 0.02\n", "x");
        assertEquals(0.02, h.get("lr0"));
        assertEquals(0.937, h.get("momentum"));
        assertTrue(h.isExplicit("lr0"));
        assertFalse(h.isExplicit("momentum"));
    }

    private static void assertError(String yaml, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> HypParser.parse(yaml, "hyp.yaml"));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in " + e.getMessage());
    }
}
