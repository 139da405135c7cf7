package dev.yolotrain.engine.data.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.yolotrain.engine.data.DatasetException;
import dev.yolotrain.engine.data.JpegTurbo;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.augment.AugmentHyp;
import dev.yolotrain.engine.data.augment.Draw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class DataLoaderTest {

    @TempDir
    Path dir;

    private static final AugmentHyp BUSY = new AugmentHyp(0.015, 0.7, 0.4, 10, 0.1, 0.5, 2, 0, 0.2, 0.5, 1.0, 0.5);

    /** Everything the epoch produced, flattened for comparison. */
    private static List<Object> run(DataLoader loader, int epoch) {
        List<Object> out = new ArrayList<>();
        try (Epoch e = loader.epoch(epoch)) {
            for (Batch b : e) {
                try (b) {
                    out.add(b.images().clone());
                    out.add(b.targets().clone());
                    out.add(b.paths());
                }
            }
        }
        return out;
    }

    private static void assertSameBatches(List<Object> a, List<Object> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof float[] fa) {
                assertArrayEquals(fa, (float[]) b.get(i), "item " + i);
            } else {
                assertEquals(a.get(i), b.get(i));
            }
        }
    }

    private DataLoaderBuilder training(List<LabeledImage> data, int workers) {
        return DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(4).optAugment(true)
                .optShuffle(true).optHyp(BUSY).optSeed(7).optWorkers(workers);
    }

    @Test
    void sameSeedGivesIdenticalBatchesWithOneOrThreeWorkers() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(10, 96, 64));
        List<Object> one0;
        List<Object> one1;
        try (DataLoader l = training(data, 1).build()) {
            one0 = run(l, 0);
            one1 = run(l, 1);
        }
        try (DataLoader l = training(data, 3).optPrefetch(5).build()) {
            assertSameBatches(one0, run(l, 0));
            assertSameBatches(one1, run(l, 1));
        }
        try (DataLoader l = training(data, 3).optCacheRam(true).build()) {
            assertSameBatches(one1, run(l, 1)); // the RAM cache gives the same pixels
        }
        try (DataLoader l = training(data, 2).optSeed(8).build()) {
            assertFalse(Arrays.equals((float[]) one0.get(0), (float[]) run(l, 0).get(0)));
        }
        assertEquals(3 * 3, one0.size()); // 3 batches: 4, 4, 2
        assertEquals(2 * 3 * 64 * 64, ((float[]) one0.get(6)).length);
    }

    @Test
    void jpegMosaicTilesDecodedInPartGiveTheSameBatchesAsWholeImagesInRam() {
        assertTrue(JpegTurbo.available(), dev.yolotrain.engine.data.NativeLibrary.unavailableReason());
        // 64x48 and 48x64 are at load size (decoded in part, into the canvas); 96x64 and 40x30 are resized whole
        int[][] sizes = new int[12][];
        int[][] kinds = {{64, 48}, {48, 64}, {64, 48}, {96, 64}, {64, 48}, {40, 30}};
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = kinds[i % kinds.length];
        }
        List<LabeledImage> data = Fixture.dataset(dir, sizes, "jpg");
        List<Object> partial;
        try (DataLoader l = training(data, 2).build()) {
            partial = run(l, 0);
            partial.addAll(run(l, 1));
        }
        try (DataLoader l = training(data, 2).optCacheRam(true).build()) {
            List<Object> whole = run(l, 0);
            whole.addAll(run(l, 1));
            assertSameBatches(whole, partial);
        }
    }

    @Test
    void batchesStartedAheadForTheNextEpochAreDroppedWhenAnotherEpochIsAsked() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(6, 64, 48));
        List<Object> fresh;
        try (DataLoader l = training(data, 2).build()) {
            fresh = run(l, 2);
        }
        try (DataLoader l = training(data, 2).optPrefetch(3).build()) {
            run(l, 0); // its last takes start epoch 1's first batches
            assertSameBatches(fresh, run(l, 2));
        }
    }

    @Test
    void eachEpochVisitsEveryImageOnceInANewOrder() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(9, 32, 32));
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(32).setBatchSize(4)
                .optShuffle(true).optWorkers(2).build()) {
            int[] o0 = l.order(0);
            int[] o1 = l.order(1);
            assertFalse(Arrays.equals(o0, o1));
            assertArrayEquals(o0, l.order(0));
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, Arrays.stream(o1).sorted().toArray());
            List<Path> seen = new ArrayList<>();
            try (Epoch e = l.epoch(1)) {
                e.forEach(b -> seen.addAll(b.paths()));
            }
            assertEquals(Arrays.stream(o1).mapToObj(i -> data.get(i).image()).toList(), seen);
        }
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(32).setBatchSize(4).build()) {
            assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, l.order(3));
        }
    }

    @Test
    void validationLetterboxesWithoutAugmentAndReportsTheShapes() {
        List<LabeledImage> data = Fixture.dataset(dir, new int[][] {{96, 64}, {40, 30}, {64, 96}});
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(3).optWorkers(1).build();
                Epoch e = l.epoch(0)) {
            Batch b = e.next();
            assertEquals(64, b.height());
            assertEquals(64, b.width());
            for (int k = 0; k < 3; k++) {
                Mat im = Fixture.image(b, k);
                List<float[]> t = Fixture.targets(b, k);
                assertEquals(1, t.size());
                Draw.assertBoxN(Draw.bboxBlend(im, Draw.COLOURS[k], 0.5), t.get(0), 64, 64, 1, "sample " + k);
            }
            ImageShape s0 = b.shapes().get(0); // 96×64 → 64×42 (area), padded 11 on top
            assertEquals(64, s0.height0());
            assertEquals(96, s0.width0());
            assertEquals(64.0 / 96, s0.gainW(), 1e-9);
            assertEquals(11, s0.padH(), 1e-9);
            assertEquals(42.0 / 64, s0.gainH(), 1e-9);
            ImageShape s1 = b.shapes().get(1); // 40×30 → 64×48 at load (long side to imgSize), no letterbox scaling
            assertEquals(1.6, s1.gainW(), 1e-9);
            assertEquals(8, s1.padH(), 1e-9);
        }
    }

    @Test
    void mosaicSamplesKeepBoxesWhereTheirPixelsAre() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(12, 64, 48));
        AugmentHyp geometryOnly = new AugmentHyp(0, 0, 0, 0, 0.1, 0.5, 0, 0, 0.5, 0.5, 1.0, 0);
        int checked = 0;
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(6).optAugment(true)
                .optShuffle(true).optHyp(geometryOnly).optWorkers(2).build()) {
            for (int ep = 0; ep < 3; ep++) {
                try (Epoch e = l.epoch(ep)) {
                    for (Batch b : e) {
                        assertNull(b.shapes().get(0));
                        for (int k = 0; k < b.size(); k++) {
                            Mat im = Fixture.image(b, k);
                            Map<Integer, List<float[]>> byClass = new HashMap<>();
                            for (float[] t : Fixture.targets(b, k)) {
                                byClass.computeIfAbsent((int) t[0], c -> new ArrayList<>()).add(t);
                            }
                            for (var en : byClass.entrySet()) {
                                if (en.getValue().size() == 1) { // an image drawn twice into one mosaic is skipped
                                    // look 4 px around the label: a second copy whose box was filtered out may lie elsewhere
                                    float[] t = en.getValue().get(0);
                                    int x1 = Math.max(0, (int) Math.floor((t[1] - t[3] / 2) * 64) - 4);
                                    int y1 = Math.max(0, (int) Math.floor((t[2] - t[4] / 2) * 64) - 4);
                                    int x2 = Math.min(64, (int) Math.ceil((t[1] + t[3] / 2) * 64) + 4);
                                    int y2 = Math.min(64, (int) Math.ceil((t[2] + t[4] / 2) * 64) + 4);
                                    int[] px = Draw.bboxBlend(im.submat(y1, y2, x1, x2).clone(), Draw.COLOURS[en.getKey()], 0.3);
                                    if (px != null) {
                                        px = new int[] {px[0] + x1, px[1] + y1, px[2] + x1, px[3] + y1};
                                    }
                                    Draw.assertBoxN(px, t, 64, 64, 2, "epoch " + ep + " sample " + k);
                                    checked++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 40, "checked " + checked);
    }

    @Test
    void rectBatchesHaveOneStrideAlignedShapeEachAndAspectOrder() {
        int[][] sizes = {{64, 64}, {64, 32}, {32, 64}, {64, 48}, {48, 64}, {64, 40}};
        List<LabeledImage> data = Fixture.dataset(dir, sizes);
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(2).optRect(true)
                .optPad(0.5).optShuffle(true).optWorkers(2).build()) {
            // aspect h/w: 0.5 (1), 0.625 (5), 0.75 (3), 1 (0), 1.333 (4), 2 (2)
            assertArrayEquals(new int[] {1, 5, 3, 0, 4, 2}, l.order(0));
            assertArrayEquals(l.order(0), l.order(1)); // no shuffle with rect
            int[][] expected = {{64, 96}, {96, 96}, {96, 64}}; // ceil(r·64/32 + 0.5)·32
            assertArrayEquals(expected, l.rectShapes().shapes());
            try (Epoch e = l.epoch(0)) {
                for (Batch b : e) {
                    assertEquals(expected[b.index()][0], b.height());
                    assertEquals(expected[b.index()][1], b.width());
                    for (int k = 0; k < b.size(); k++) {
                        int i = l.order(0)[2 * b.index() + k];
                        float[] t = Fixture.targets(b, k).get(0);
                        Draw.assertBoxN(Draw.bboxBlend(Fixture.image(b, k), Draw.COLOURS[i], 0.5), t, b.width(), b.height(),
                                1, "image " + i);
                    }
                }
            }
        }
    }

    @Test
    void rectTrainingLetterboxesThenWarpsAndFlipsAndBoxesFollow() {
        int[][] sizes = {{96, 48}, {96, 60}, {48, 96}, {60, 96}, {80, 80}, {90, 72}};
        List<LabeledImage> data = Fixture.dataset(dir, sizes);
        AugmentHyp geometryOnly = new AugmentHyp(0, 0, 0, 0, 0.05, 0.2, 0, 0, 0.5, 0.5, 1.0, 0);
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(2).optRect(true)
                .optAugment(true).optHyp(geometryOnly).optWorkers(2).build()) {
            for (int ep = 0; ep < 4; ep++) {
                try (Epoch e = l.epoch(ep)) {
                    for (Batch b : e) {
                        assertEquals(l.rectShapes().shapes()[b.index()][0], b.height());
                        for (int k = 0; k < b.size(); k++) {
                            int i = l.order(ep)[2 * b.index() + k];
                            assertTrue(b.shapes().get(k) != null); // no mosaic with rect
                            for (float[] t : Fixture.targets(b, k)) {
                                Draw.assertBoxN(Draw.bboxBlend(Fixture.image(b, k), Draw.COLOURS[i], 0.3), t, b.width(),
                                        b.height(), 2, "epoch " + ep + " image " + i);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void singleClassMakesEveryTargetClassZero() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(5, 32, 32));
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(32).setBatchSize(5).optSingleCls(true)
                .optWorkers(1).build(); Epoch e = l.epoch(0)) {
            Batch b = e.next();
            assertEquals(5, b.targetCount());
            for (int i = 0; i < 5; i++) {
                assertEquals(i, b.targets()[6 * i]);
                assertEquals(0, b.targets()[6 * i + 1]);
            }
        }
    }

    @Test
    void aMissingImageFailsWithItsPath() throws Exception {
        List<LabeledImage> data = new ArrayList<>(Fixture.dataset(dir, Fixture.sizes(3, 32, 32)));
        java.nio.file.Files.delete(data.get(1).image());
        try (DataLoader l = DataLoader.builder().setImages(data).setImageSize(32).setBatchSize(3).optWorkers(1).build();
                Epoch e = l.epoch(0)) {
            DatasetException ex = assertThrows(DatasetException.class, e::next);
            assertTrue(ex.getMessage().contains("im001.png"), ex.getMessage());
        }
    }

    @Test
    void closeStopsEveryWorkerThread() {
        List<LabeledImage> data = Fixture.dataset(dir, Fixture.sizes(16, 64, 64));
        DataLoader l = training(data, 3).setBatchSize(2).optPrefetch(4).build();
        Epoch e = l.epoch(0);
        e.next().close(); // leave the epoch half-read, batches in flight
        assertTrue(loaderThreads() > 0);
        l.close();
        // the pool has terminated; its threads finish exiting right after
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (loaderThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, loaderThreads());
        assertFalse(e.hasNext());
        assertThrows(IllegalStateException.class, () -> l.epoch(1));
    }

    private static long loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("yolotrain-loader-") && t.isAlive()).count();
    }
}
