package dev.yolotrain.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.OpenCv;
import dev.yolotrain.engine.data.loader.Batch;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.data.loader.Epoch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class BatchImagesTest {

    @TempDir
    Path dir;

    @Test
    void theNetworkInputMadeFromTheBytesEqualsTheBatchFloats() {
        OpenCv.load();
        List<LabeledImage> data = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Mat m = new Mat(48, 64, CvType.CV_8UC3);
            Core.randu(m, 0, 256);
            Path p = dir.resolve("im" + i + ".png");
            Imgcodecs.imwrite(p.toString(), m);
            data.add(new LabeledImage(p, dir.resolve("im" + i + ".txt"), 64, 48, new float[][] {{0, 0.5f, 0.5f, 0.2f, 0.3f}}));
        }
        try (DataLoader loader = DataLoader.builder().setImages(data).setImageSize(64).setBatchSize(5).optHyp(Hyp.defaults())
                .optAugment(true).optShuffle(true).optSeed(3).optWorkers(1).build();
                Epoch e = loader.epoch(0);
                Batch b = e.next();
                NDManager manager = NDManager.newBaseManager()) {
            NDArray all = BatchImages.of(manager, b);
            assertEquals(new Shape(5, 3, 64, 64), all.getShape());
            assertEquals(DataType.FLOAT32, all.getDataType());
            float[] want = b.images();
            assertArrayEquals(want, all.toFloatArray());
            int per = 3 * 64 * 64;
            NDArray two = BatchImages.of(manager, b, 2, 2);
            assertArrayEquals(Arrays.copyOfRange(want, 2 * per, 4 * per), two.toFloatArray());
            assertEquals((b.pixels()[7] & 0xFF) / 255f, want[7], 1e-7f);
        }
    }
}
