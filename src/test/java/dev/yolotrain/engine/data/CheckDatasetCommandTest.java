package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.cli.YolotrainCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code yolotrain check-dataset}, run through the top-level command. */
class CheckDatasetCommandTest {

    @TempDir Path dir;

    private record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

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

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void summaryReasonsAndCountsThenCached() throws Exception {
        Path yaml = DefectDataset.write(dir);
        Run r = run("check-dataset", "--data", yaml.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("train: Scanning " + dir.resolve("images/train") + "... 16 images, 2 backgrounds, 9 corrupt (cached in "),
                r.out());
        assertTrue(r.out().contains("val: Scanning " + dir.resolve("val.txt") + "... 2 images, 0 backgrounds, 0 corrupt"), r.out());
        DefectDataset.SKIPPED.forEach((name, want) ->
                assertTrue(r.out().lines().anyMatch(l -> l.contains("WARNING skipped") && l.contains(name) && l.contains(want[1])),
                        name + " in " + r.out()));
        assertTrue(r.out().contains("WARNING " + dir.resolve("labels/train/good2.txt") + ": 1 duplicate row removed"), r.out());
        assertTrue(r.out().contains("YOLOv5 would re-save it"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("train: +square +3")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("train: +all +7")), r.out());
        assertEquals("dataset OK", r.lastLine());

        Run again = run("check-dataset", "--data", yaml.toString());
        assertTrue(again.out().contains("9 corrupt (read from cache " + dir.resolve("labels/train.yolotrain.cache")), again.out());
    }

    @Test
    void jsonIsTheLastLine() throws Exception {
        Run r = run("check-dataset", "--data", DefectDataset.write(dir).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonMapper.builder().build().readTree(r.lastLine());
        assertTrue(j.get("ok").booleanValue());
        assertEquals(3, j.get("nc").intValue());
        assertEquals("triangle", j.get("names").get(2).stringValue());
        JsonNode t = j.get("splits").get("train");
        assertEquals(16, t.get("images").intValue());
        assertEquals(13, t.get("labels").intValue());
        assertEquals(1, t.get("missing").intValue());
        assertEquals(1, t.get("empty").intValue());
        assertEquals(7, t.get("usable").intValue());
        assertEquals(9, t.get("corrupt").size());
        assertEquals("[2,3,2]", t.get("instances").toString());
        assertEquals(1, t.get("duplicates").get(0).get("count").intValue());
        JsonNode first = t.get("corrupt").get(0);
        assertTrue(first.get("file").stringValue().endsWith("cols.txt"), first.toString());
        assertTrue(first.get("reason").stringValue().contains("columns"), first.toString());
        assertEquals(0, j.get("fatal").size());
        assertFalse(j.get("splits").get("val").get("from_cache").booleanValue());
    }

    @Test
    void classIdNotBelowNcExitsOne() throws Exception {
        Path yaml = DefectDataset.write(dir);
        Path label = dir.resolve("labels/val/v1.txt");
        Files.writeString(label, "5 0.5 0.5 0.3 0.3\n");
        Run r = run("check-dataset", "--data", yaml.toString(), "--json");
        assertEquals(1, r.code());
        assertNoStackTrace(r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + label + ": class id 5 is not below nc=3"), r.err());
        JsonNode j = JsonMapper.builder().build().readTree(r.lastLine());
        assertFalse(j.get("ok").booleanValue());
        assertEquals(label.toString(), j.get("fatal").get(0).get("file").stringValue());
    }

    @Test
    void missingSplitExitsOne() throws Exception {
        DefectDataset.write(dir);
        Path yaml = TestImages.write(dir.resolve("d.yaml"), "train: images/train\nval: images/val2\nnames: [a, b, c]\n");
        Run r = run("check-dataset", "--data", yaml.toString());
        assertEquals(1, r.code());
        assertNoStackTrace(r);
        assertEquals("error: val: " + dir.resolve("images/val2") + " does not exist", r.err().strip());
        assertTrue(r.out().contains("val: ERROR"), r.out());
    }

    @Test
    void unreadableYamlExitsOneWithOneLine() throws Exception {
        Run missing = run("check-dataset", "--data", dir.resolve("nope.yaml").toString());
        assertEquals(1, missing.code());
        assertEquals("error: cannot read data.yaml " + dir.resolve("nope.yaml") + ": no such file", missing.err().strip());
        assertEquals("", missing.out());

        Path bad = TestImages.write(dir.resolve("bad.yaml"), "train: [a\nval: b\n");
        Run r = run("check-dataset", "--data", bad.toString(), "--json");
        assertEquals(1, r.code());
        assertNoStackTrace(r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("not valid YAML"), r.err());
        JsonNode j = JsonMapper.builder().build().readTree(r.lastLine());
        assertFalse(j.get("ok").booleanValue());
        assertTrue(j.get("error").stringValue().contains("not valid YAML"));

        Path mismatch = TestImages.write(dir.resolve("nc.yaml"), "train: a\nval: b\nnames: [a, b]\nnc: 3\n");
        Run m = run("check-dataset", "--data", mismatch.toString());
        assertEquals(1, m.code());
        assertEquals("error: " + mismatch.toAbsolutePath() + ": nc is 3 but 'names:' has 2 names", m.err().strip());
    }

    @Test
    void usageErrorIsTwo() {
        assertEquals(2, run("check-dataset").code());
    }
}
