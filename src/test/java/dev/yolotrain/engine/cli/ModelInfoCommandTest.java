package dev.yolotrain.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModelInfoCommandTest {

    private static String[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int rc = YolotrainCommand.run(args);
            return new String[] {Integer.toString(rc), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void printsYolov5StyleSummary() {
        String[] r = run("model-info", "--cfg", "yolov5s", "--nc", "80");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("yolov5s summary: 25 layers, 7235389 parameters, 7235389 gradients, 16.4 GFLOPs at 640"), r[1]);
        assertTrue(r[1].contains("models.common.SPPF"), r[1]);
    }

    @Test
    void jsonAndWeightsTransfer() {
        String[] r = run("model-info", "--cfg", "config_document/models/yolov5n.yml", "--nc", "2", "--json", "--weights",
                "src/test/resources/parity/yolov5n_nc3.safetensors");
        assertEquals("0", r[0], r[2]);
        String last = r[1].strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("{") && last.contains("\"parameters\":1766623"), last);
        assertTrue(last.contains("\"transferred\":342") && last.contains("\"total\":349"), last);
    }

    @Test
    void badInputIsOneLineError() {
        String[] r = run("model-info", "--cfg", "yolov5q");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("error: model config 'yolov5q' is neither a file nor a built-in model"), r[2]);
        r = run("model-info", "--cfg", "yolov5n", "--img", "100");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--img must be a positive multiple of 32"), r[2]);
    }
}
