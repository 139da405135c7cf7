package dev.yolotrain.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetScannerTest {

    @TempDir Path dir;
    @TempDir Path fallback;

    private DatasetScanner scanner() {
        return DatasetScanner.builder().optFallbackCacheDir(fallback).build();
    }

    private static LabeledImage usable(SplitReport s, String name) {
        return s.images().stream().filter(i -> i.image().getFileName().toString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyDefectIsSkippedWithItsReasonAndTheRestUsed() throws Exception {
        DatasetReport r = scanner().scan(DataConfigParser.parse(DefectDataset.write(dir)));
        assertFalse(r.hasFatal(), () -> r.fatal().toString());
        SplitReport t = r.split("train");
        assertEquals(16, t.imagesFound());
        assertEquals(13, t.labelsFound()); // empty and corrupt ones included, as YOLOv5 counts
        assertEquals(1, t.missing());
        assertEquals(1, t.empty());
        assertEquals(2, t.backgrounds());
        assertEquals(7, t.images().size());
        assertFalse(t.fromCache());

        Map<String, Problem> corrupt = t.corrupt().stream()
                .collect(Collectors.toMap(p -> p.image().getFileName().toString(), p -> p));
        assertEquals(DefectDataset.SKIPPED.keySet(), corrupt.keySet());
        DefectDataset.SKIPPED.forEach((name, want) -> {
            Problem p = corrupt.get(name);
            Path file = want[0].equals("image") ? p.image() : SplitFiles.labelFor(p.image());
            assertEquals(file, p.file(), name);
            assertTrue(p.reason().contains(want[1]), name + ": " + p.reason());
            assertTrue(p.toString().startsWith(file.toString()), "the reason names the file: " + p);
        });

        assertArrayEquals(new int[] {2, 3, 2}, t.instancesPerClass());
        assertEquals(List.of(new DuplicateRows(dir.resolve("labels/train/good2.txt").toAbsolutePath(), 1)), t.duplicates());
        assertTrue(t.warnings().stream().anyMatch(w -> w.contains("good2.txt: 1 duplicate row removed")), t.warnings().toString());

        LabeledImage good1 = usable(t, "good1.jpg");
        assertEquals(32, good1.width());
        assertEquals(24, good1.height());
        assertArrayEquals(new float[][] {{0, 0.5f, 0.5f, 0.2f, 0.2f}, {1, 0.3f, 0.3f, 0.1f, 0.1f}}, good1.boxes());
        assertEquals(dir.resolve("labels/train/good1.txt").toAbsolutePath(), good1.label());
        LabeledImage rotated = usable(t, "rotated.jpg"); // stored 40x16, EXIF orientation 6
        assertEquals(16, rotated.width());
        assertEquals(40, rotated.height());
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0.8f, 0.8f}, usable(t, "poly.bmp").boxes()[0], 1e-6f);
        assertEquals(2, usable(t, "good2.png").boxes().length);
        assertTrue(usable(t, "bg_empty.webp").isBackground());
        assertTrue(usable(t, "bg_missing.tif").isBackground());
        assertEquals(10, usable(t, "bg_missing.tif").width());
        assertEquals(1, usable(t, "upper.JPEG").boxes().length);
        List<String> order = t.images().stream().map(i -> i.image().toString()).toList();
        assertEquals(order.stream().sorted().toList(), order);

        SplitReport v = r.split("val"); // a list file
        assertEquals(2, v.imagesFound());
        assertEquals(2, v.images().size());
        assertArrayEquals(new int[] {1, 1, 1}, v.instancesPerClass());
        assertEquals(dir.resolve("val.yolotrain.cache").toAbsolutePath(), v.cacheFile());
        assertEquals(dir.resolve("labels/train.yolotrain.cache").toAbsolutePath(), t.cacheFile());
        assertTrue(Files.isRegularFile(t.cacheFile()));
        assertNull(r.split("test"));
    }

    @Test
    void oneWorkerOrEightGiveTheSameReport() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        SplitReport a = DatasetScanner.builder().optCache(false).optWorkers(1).build().scanSplit("train", c.train(), 3);
        SplitReport b = DatasetScanner.builder().optCache(false).optWorkers(8).build().scanSplit("train", c.train(), 3);
        assertEquals(a.corrupt(), b.corrupt());
        assertEquals(a.images().size(), b.images().size());
        for (int i = 0; i < a.images().size(); i++) {
            assertEquals(a.images().get(i).image(), b.images().get(i).image());
            assertArrayEquals(a.images().get(i).boxes(), b.images().get(i).boxes());
        }
        assertNull(a.cacheFile());
        assertFalse(Files.exists(dir.resolve("labels/train.yolotrain.cache")));
    }

    @Test
    void secondScanReadsTheCacheAndDecodesNothing() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        DatasetScanner first = scanner();
        DatasetReport r1 = first.scan(c);
        assertEquals(14 + 2, first.decodes()); // 16 train images less the two rejected from their bytes alone (0 bytes, truncated) + 2 val
        DatasetScanner second = scanner();
        DatasetReport r2 = second.scan(c);
        assertEquals(0, second.decodes());
        for (String split : List.of("train", "val")) {
            SplitReport a = r1.split(split);
            SplitReport b = r2.split(split);
            assertTrue(b.fromCache());
            assertEquals(a.corrupt(), b.corrupt());
            assertEquals(a.duplicates(), b.duplicates());
            assertEquals(a.warnings(), b.warnings());
            assertArrayEquals(a.instancesPerClass(), b.instancesPerClass());
            assertEquals(a.imagesFound(), b.imagesFound());
            assertEquals(a.labelsFound(), b.labelsFound());
            assertEquals(a.missing(), b.missing());
            assertEquals(a.empty(), b.empty());
            assertEquals(a.images().size(), b.images().size());
            for (int i = 0; i < a.images().size(); i++) {
                LabeledImage x = a.images().get(i);
                LabeledImage y = b.images().get(i);
                assertEquals(x.image(), y.image());
                assertEquals(x.label(), y.label());
                assertEquals(x.width(), y.width());
                assertEquals(x.height(), y.height());
                assertArrayEquals(x.boxes(), y.boxes());
            }
        }
    }

    @Test
    void changedLabelInvalidatesTheCache() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        scanner().scanSplit("train", c.train(), 3);
        Path label = dir.resolve("labels/train/good1.txt");
        Files.writeString(label, "2 0.5 0.5 0.4 0.4\n");
        Files.setLastModifiedTime(label, FileTime.fromMillis(Files.getLastModifiedTime(label).toMillis() + 5000));
        DatasetScanner again = scanner();
        SplitReport t = again.scanSplit("train", c.train(), 3);
        assertFalse(t.fromCache());
        assertTrue(again.decodes() > 0);
        assertArrayEquals(new float[][] {{2, 0.5f, 0.5f, 0.4f, 0.4f}}, usable(t, "good1.jpg").boxes());
        DatasetScanner third = scanner();
        assertTrue(third.scanSplit("train", c.train(), 3).fromCache());
        assertEquals(0, third.decodes());

        Files.delete(dir.resolve("labels/train/upper.txt")); // a label removed
        DatasetScanner fourth = scanner();
        SplitReport u = fourth.scanSplit("train", c.train(), 3);
        assertFalse(u.fromCache());
        assertEquals(2, u.missing());
    }

    @Test
    void aForeignOrBrokenCacheIsIgnored() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        Path cache = dir.resolve("labels/train.yolotrain.cache");
        Files.writeString(cache, "{not json");
        DatasetScanner s = scanner();
        SplitReport t = s.scanSplit("train", c.train(), 3);
        assertFalse(t.fromCache());
        assertEquals(7, t.images().size());
        assertTrue(Files.readString(cache).startsWith("{\"version\":1"));
    }

    @Test
    void unwritableCacheLocationFallsBack() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        Path blocked = dir.resolve("labels/train.yolotrain.cache");
        Files.createDirectories(blocked.resolve("in-the-way")); // a non-empty folder where the cache file would go
        SplitReport t = scanner().scanSplit("train", c.train(), 3);
        assertEquals(fallback, t.cacheFile().getParent());
        assertTrue(t.warnings().stream().anyMatch(w -> w.contains("cannot write " + blocked)), t.warnings().toString());
        DatasetScanner again = scanner();
        SplitReport t2 = again.scanSplit("train", c.train(), 3);
        assertTrue(t2.fromCache());
        assertEquals(t.cacheFile(), t2.cacheFile());
        assertEquals(0, again.decodes());
    }

    @Test
    void classIdNotBelowNcIsFatalAndNamesTheFileAndClass() throws Exception {
        DataConfig c = DataConfigParser.parse(DefectDataset.write(dir));
        Path label = dir.resolve("labels/train/good2.txt");
        Files.writeString(label, "1 0.5 0.5 0.2 0.2\n3 0.1 0.1 0.1 0.1\n");
        DatasetReport r = scanner().scan(c);
        assertTrue(r.hasFatal());
        Problem p = r.fatal().get(0);
        assertEquals(1, r.fatal().size());
        assertEquals(label.toAbsolutePath(), p.file());
        assertTrue(p.reason().contains("class id 3 is not below nc=3"), p.reason());
        DatasetException e = assertThrows(DatasetException.class, r::requireUsable);
        assertTrue(e.getMessage().contains(label.toString()) && e.getMessage().contains("class id 3"), e.getMessage());
        // the same from the cache: the check does not depend on it
        DatasetReport cached = scanner().scan(c);
        assertTrue(cached.split("train").fromCache());
        assertEquals(r.fatal(), cached.fatal());
        // with more classes the same files are fine
        SplitReport wider = scanner().scanSplit("train", c.train(), 4);
        assertFalse(wider.hasFatal());
        assertEquals(1, wider.instancesPerClass()[3]);
    }

    @Test
    void missingSplitAndEmptySplitAreFatal() throws Exception {
        DefectDataset.write(dir);
        Path yaml = TestImages.write(dir.resolve("data2.yaml"), "train: images/train\nval: images/nope\nnames: [a, b, c]\n");
        DatasetReport r = scanner().scan(DataConfigParser.parse(yaml));
        assertFalse(r.split("train").hasFatal());
        Problem p = r.split("val").fatal().get(0);
        assertEquals("val: " + dir.resolve("images/nope").toAbsolutePath() + " does not exist", p.reason());
        assertEquals(1, r.fatal().size());

        Files.createDirectories(dir.resolve("images/empty"));
        SplitReport e = scanner().scanSplit("test", List.of(dir.resolve("images/empty")), 3);
        assertTrue(e.fatal().get(0).reason().startsWith("test: no images found"), e.fatal().toString());
    }

    @Test
    void trainWithoutAnyLabelIsFatal() throws Exception {
        TestImages.write(dir.resolve("images/train/a.jpg"), TestImages.encode(".jpg", 16, 16));
        SplitReport t = scanner().scanSplit("train", List.of(dir.resolve("images/train")), 1);
        assertEquals(1, t.missing());
        assertTrue(t.fatal().get(0).reason().contains("no labels found"), t.fatal().toString());
        SplitReport v = scanner().scanSplit("val", List.of(dir.resolve("images/train")), 1);
        assertFalse(v.hasFatal());
    }
}
