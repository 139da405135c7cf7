package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitFilesTest {

    @TempDir Path dir;

    @Test
    void labelPathReplacesTheLastImagesFolderAndTheExtension() {
        assertEquals(Path.of("/d/images/x/labels/train/a.b.txt"), SplitFiles.labelFor(Path.of("/d/images/x/images/train/a.b.JPG")));
        assertEquals(Path.of("/d/labels/a.txt"), SplitFiles.labelFor(Path.of("/d/images/a.png")));
        assertEquals(Path.of("/d/pics/a.txt"), SplitFiles.labelFor(Path.of("/d/pics/a.webp")));
        assertEquals(Path.of("/d/myimages/a.txt"), SplitFiles.labelFor(Path.of("/d/myimages/a.tif")));
    }

    @Test
    void folderIsSearchedRecursivelySortedImagesOnly() throws Exception {
        Path root = dir.resolve("images");
        for (String f : new String[] {"b.jpg", "a.PNG", "sub/c.jpeg", "sub/deeper/d.bmp", "e.tiff", "f.tif", "g.webp",
                "notes.txt", "h.gif", ".hidden.jpg", "noext"}) {
            TestImages.write(root.resolve(f), "x");
        }
        List<Path> found = SplitFiles.images("train", List.of(root));
        List<String> names = found.stream().map(p -> root.relativize(p).toString()).toList();
        assertEquals(List.of("a.PNG", "b.jpg", "e.tiff", "f.tif", "g.webp", "sub/c.jpeg", "sub/deeper/d.bmp"), names);
        assertTrue(found.get(0).isAbsolute());
    }

    @Test
    void listFilesResolveAgainstTheirFolder() throws Exception {
        Path a = TestImages.write(dir.resolve("ds/images/a.jpg"), "x");
        Path b = TestImages.write(dir.resolve("ds/images/b.jpg"), "x");
        Path c = TestImages.write(dir.resolve("other/c.png"), "x");
        Path list = TestImages.write(dir.resolve("ds/train.txt"),
                "./images/b.jpg\r\n\r\nimages/a.jpg\r\n" + c.toAbsolutePath() + "\r\n  \r\nimages/readme.md\r\n./images/a.jpg\n");
        List<Path> found = SplitFiles.images("train", List.of(list));
        assertEquals(List.of(a, b, c).stream().map(p -> p.toAbsolutePath().normalize()).sorted().toList(), found);
    }

    @Test
    void listsOfSourcesAndSingleImages() throws Exception {
        Path a = TestImages.write(dir.resolve("one/x.jpg"), "x");
        Path b = TestImages.write(dir.resolve("two/y.jpg"), "x");
        Path list = TestImages.write(dir.resolve("l.txt"), "two/y.jpg\n");
        assertEquals(List.of(a, b), SplitFiles.images("val", List.of(dir.resolve("one"), list, b)));
    }

    @Test
    void missingSourceNamesTheSplitAndPath() {
        Path p = dir.resolve("images/val");
        DatasetException e = assertThrows(DatasetException.class, () -> SplitFiles.images("val", List.of(p)));
        assertEquals("val: " + p + " does not exist", e.getMessage());
    }
}
