package dev.yolotrain.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrainCommandTest {

    private static String[] run(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int rc = YolotrainCommand.run(args);
            return new String[] {Integer.toString(rc), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void dataIsRequiredUnlessResuming() {
        String[] r = run("train", "--cfg", "yolov5n");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--data is required"), r[1]);
        r = run("train", "--resume", "/nonexistent/last.safetensors");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--resume: no checkpoint at"), r[1]);
    }
}
