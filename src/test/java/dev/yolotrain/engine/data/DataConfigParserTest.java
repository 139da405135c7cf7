package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataConfigParserTest {

    @TempDir Path dir;

    private DataConfig parse(String yaml) throws Exception {
        return DataConfigParser.parse(TestImages.write(dir.resolve("cfg/data.yaml"), yaml));
    }

    private String error(String yaml) {
        return assertThrows(DatasetException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void relativePathIsRelativeToTheYamlFolder() throws Exception {
        DataConfig c = parse("path: ../ds\ntrain: images/train\nval: [images/val, more/val.txt]\nnames: [a, b]\n");
        Path root = dir.resolve("ds").toAbsolutePath();
        assertEquals(root, c.root());
        assertEquals(List.of(root.resolve("images/train")), c.train());
        assertEquals(List.of(root.resolve("images/val"), root.resolve("more/val.txt")), c.val());
        assertEquals(List.of(), c.test());
        assertEquals(List.of("a", "b"), c.names());
        assertEquals(2, c.nc());
        assertEquals(List.of("train", "val"), List.copyOf(c.splits().keySet()));
    }

    @Test
    void noPathMeansTheYamlFolderAndAbsolutePathsStay() throws Exception {
        Path abs = dir.resolve("elsewhere").toAbsolutePath();
        DataConfig c = parse("train: t.txt\nval: " + abs + "\ntest: images/test\nnames: {0: x}\nnc: 1\n");
        assertEquals(dir.resolve("cfg").toAbsolutePath(), c.root());
        assertEquals(List.of(dir.resolve("cfg/t.txt").toAbsolutePath()), c.train());
        assertEquals(List.of(abs), c.val());
        assertEquals(List.of(dir.resolve("cfg/images/test").toAbsolutePath()), c.test());
    }

    @Test
    void namesAsMapInIdOrder() throws Exception {
        DataConfig c = parse("train: a\nval: b\nnames:\n  2: car\n  0: person\n  1: 7\nnc: 3\n");
        assertEquals(List.of("person", "7", "car"), c.names());
    }

    @Test
    void errorsNameTheProblem() {
        assertTrue(error("train: a\nval: b\nnames: [a, b]\nnc: 3\n").contains("nc is 3 but 'names:' has 2 names"));
        assertTrue(error("train: a\nnames: [a]\n").contains("'val:' is missing"));
        assertTrue(error("train: a\nval: ''\nnames: [a]\n").contains("'val:' is missing"));
        assertTrue(error("val: a\nnames: [a]\n").contains("'train:' is missing"));
        assertTrue(error("train: a\nval: b\n").contains("'names:' is missing"));
        assertTrue(error("train: a\nval: b\nnames: []\n").contains("'names:' is empty"));
        assertTrue(error("train: a\nval: b\nnames: {0: a, 2: b}\n").contains("without gaps"));
        assertTrue(error("train: a\nval: b\nnames: {a: x}\n").contains("keys must be integers"));
        assertTrue(error("train: a\nval: b\nnames: [a]\nnc: one\n").contains("'nc:' must be an integer"));
        assertTrue(error("train: [a, {x: 1}]\nval: b\nnames: [a]\n").contains("'train:' must be a path"));
        assertTrue(error("train: a\n  val: : b: [\n").contains("not valid YAML"));
        assertTrue(error("- a\n- b\n").contains("must be a YAML mapping"));
        assertTrue(error("train: a\nval: b\nval: c\nnames: [a]\n").contains("not valid YAML"));
    }

    @Test
    void unreadableFile() {
        Path missing = dir.resolve("nope.yaml");
        DatasetException e = assertThrows(DatasetException.class, () -> DataConfigParser.parse(missing));
        assertEquals("cannot read data.yaml " + missing + ": no such file", e.getMessage());
    }
}
