package dev.yolotrain.engine.data.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.augment.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageWeightsTest {

    @TempDir
    Path dir;

    /** Image 0: one class-0 box; images 1..8: one class-1 box; image 9: background. */
    private List<LabeledImage> data() {
        List<LabeledImage> d = new ArrayList<>(Fixture.dataset(dir, Fixture.sizes(10, 32, 32)));
        for (int i = 0; i < 10; i++) {
            LabeledImage li = d.get(i);
            float[][] boxes = i == 9 ? new float[0][] : new float[][] {{i == 0 ? 0 : 1, 0.5f, 0.5f, 0.4f, 0.4f}};
            d.set(i, new LabeledImage(li.image(), li.label(), li.width(), li.height(), boxes));
        }
        return d;
    }

    @Test
    void classWeightsAreNormalisedInverseFrequencies() {
        float[][][] labels = {{{0, 0, 0, 0, 0}}, {{1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}, {1, 0, 0, 0, 0}}, {}};
        double[] cw = ImageWeights.classWeights(labels, 3); // counts 1, 3, 0 → 1, 1/3, 1 (empty counts 1)
        assertArrayEquals(new double[] {3 / 7.0, 1 / 7.0, 3 / 7.0}, cw, 1e-12);
        assertArrayEquals(new double[] {3 / 7.0, 3 / 7.0, 0}, ImageWeights.imageWeights(labels, cw), 1e-12);
        assertArrayEquals(new double[] {3 / 7.0 * 0.25, 0, 3 / 7.0}, ImageWeights.withMaps(cw, new double[] {0.5, 1, 0}), 1e-12);
    }

    @Test
    void samplingFollowsTheImageWeights() {
        int[] hits = new int[3];
        Rng rng = new Rng(1);
        int n = 40000;
        for (int i : ImageWeights.sample(new double[] {1, 0, 3}, n, rng)) {
            hits[i]++;
        }
        assertEquals(0, hits[1]);
        assertEquals(0.25, hits[0] / (double) n, 0.01);
    }

    @Test
    void loaderDrawsRareClassImagesMoreAndFollowsTheMaps() {
        try (DataLoader l = DataLoader.builder().setImages(data()).setImageSize(32).setBatchSize(5).optImageWeights(true)
                .optNumClasses(2).optWorkers(1).build()) {
            // class weights 8/9, 1/9 → image 0 has half the total weight, images 1..8 1/16 each, image 9 none
            int[] hits = new int[10];
            int epochs = 400;
            for (int e = 0; e < epochs; e++) {
                for (int i : l.order(e)) {
                    hits[i]++;
                }
            }
            double total = epochs * 10.0;
            assertEquals(0.5, hits[0] / total, 0.02);
            assertEquals(0, hits[9]);
            for (int i = 1; i <= 8; i++) {
                assertEquals(1 / 16.0, hits[i] / total, 0.015);
            }
            l.setClassMaps(new double[] {1.0, 0.0}); // class 0 is solved: only class-1 images are drawn
            for (int i : l.order(0)) {
                assertEquals(true, i >= 1 && i <= 8, "drew " + i);
            }
            try (Epoch e = l.epoch(0)) {
                assertEquals(2, e.size());
                e.forEach(Batch::close);
            }
        }
    }
}
