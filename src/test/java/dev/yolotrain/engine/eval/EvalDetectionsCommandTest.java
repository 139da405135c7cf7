package dev.yolotrain.engine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.cli.YolotrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code yolotrain eval-detections}, run through the top-level command. */
class EvalDetectionsCommandTest {

    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = YolotrainCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private Run runOn(String json) throws IOException {
        Path f = dir.resolve("in.json");
        Files.writeString(f, json);
        return run("eval-detections", "--input", f.toString());
    }

    private static void assertBadInput(Run r, String messagePart) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(messagePart), "stderr should mention '" + messagePart + "': " + r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @Test
    void printsTableAndJsonAsTheLastLine() throws Exception {
        Path in = MapCasesTest.resource("mixed_duplicates.json");
        Run r = run("eval-detections", "--input", in.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\\R");
        assertEquals("                   all         45        149      0.505      0.458      0.493      0.308", lines[1]);
        JsonNode j = JsonMapper.builder().build().readTree(lines[lines.length - 1]);
        assertEquals(0.49330643553374776, j.get("all").get("mAP50").doubleValue(), 1e-9);
        assertEquals(4, j.get("classes").size());
        assertEquals("date", j.get("classes").get(3).get("name").stringValue());
        assertEquals(10, j.get("classes").get(0).get("AP_per_iou").size());
    }

    @Test
    void withoutJsonPrintsOnlyTheTable() throws Exception {
        Run r = run("eval-detections", "--input", MapCasesTest.resource("perfect.json").toString());
        assertEquals(0, r.code());
        assertEquals(5, r.out().strip().split("\\R").length);
        assertFalse(r.out().contains("{"));
    }

    @Test
    void missingFile() {
        assertBadInput(run("eval-detections", "--input", dir.resolve("nope.json").toString()), "no such file");
    }

    @Test
    void malformedJson() throws IOException {
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [}"), "malformed JSON");
    }

    @Test
    void classIdOutsideNames() throws IOException {
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [{\"id\": \"i\", \"gt\": [[1, 0, 0, 5, 5]], \"pred\": []}]}"),
                "class id 1.0 is not an integer in 0..0");
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [{\"id\": \"i\", \"gt\": [], \"pred\": [[0, 0, 5, 5, 0.5, 0.5]]}]}"),
                "pred[0]");
    }

    @Test
    void boxWithX2BelowX1() throws IOException {
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [{\"id\": \"i\", \"gt\": [], \"pred\": [[10, 0, 5, 5, 0.5, 0]]}]}"),
                "x2 < x1");
    }

    @Test
    void nanValue() throws IOException {
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [{\"id\": \"i\", \"gt\": [[0, NaN, 0, 5, 5]]}]}"),
                "finite");
    }

    @Test
    void wrongShapes() throws IOException {
        assertBadInput(runOn("[1, 2]"), "JSON object");
        assertBadInput(runOn("{\"names\": [], \"images\": []}"), "'names'");
        assertBadInput(runOn("{\"names\": [\"a\"], \"images\": [{\"gt\": [[0, 1, 2]]}]}"), "5 numbers");
    }

    @Test
    void missingInputOptionIsAUsageError() {
        Run r = run("eval-detections");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--input"));
    }
}
