package dev.yolotrain.engine.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small dataset that carries every defect the scan knows: train is a folder with 7 usable images
 * (2 backgrounds) and 9 skipped ones; val is a list file. Names as a map, nc 3.
 */
final class DefectDataset {

    /** Skipped train image (file name) → {the file the reason is about: "image" or "label", part of the reason}. */
    static final Map<String, String[]> SKIPPED = new LinkedHashMap<>();

    static {
        SKIPPED.put("cols.jpg", new String[] {"label", "row 2: 4 columns, expected exactly 5"});
        SKIPPED.put("garbage.jpg", new String[] {"image", "cannot decode image"});
        SKIPPED.put("inf.jpg", new String[] {"label", "row 1: non-finite value 'inf'"});
        SKIPPED.put("nan.jpg", new String[] {"label", "row 1: non-finite value 'nan'"});
        SKIPPED.put("neg.jpg", new String[] {"label", "row 1: negative value -0.1"});
        SKIPPED.put("out.jpg", new String[] {"label", "row 1: coordinate 1.2 outside [0, 1]"});
        SKIPPED.put("tiny.png", new String[] {"image", "image size 8x30 is smaller than 10 px"});
        SKIPPED.put("truncated.jpg", new String[] {"image", "truncated JPEG: no end marker FF D9"});
        SKIPPED.put("zero.jpg", new String[] {"image", "empty image file (0 bytes)"});
    }

    private DefectDataset() {}

    /** Writes the dataset under {@code root}; returns its data.yaml. */
    static Path write(Path root) throws IOException {
        Path im = root.resolve("images/train");
        Path lb = root.resolve("labels/train");
        byte[] jpg = TestImages.encode(".jpg", 32, 24);
        image(im, lb, "good1.jpg", jpg, "0 0.5 0.5 0.2 0.2\r\n\r\n1 0.3 0.3 0.1 0.1\r\n");
        image(im, lb, "good2.png", TestImages.encode(".png", 20, 20), "1 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n2 0.1 0.1 0.1 0.1\n");
        image(im, lb, "rotated.jpg", TestImages.withOrientation(TestImages.encode(".jpg", 40, 16), 6, false), "2 0.5 0.5 0.5 0.5");
        image(im, lb, "poly.bmp", TestImages.encode(".bmp", 16, 16), "0 0.1 0.1 0.9 0.1 0.5 0.9\n");
        image(im, lb, "bg_empty.webp", TestImages.encode(".webp", 12, 12), "\n  \r\n");
        image(im, lb, "bg_missing.tif", TestImages.encode(".tiff", 10, 10), null);
        image(im, lb, "upper.JPEG", jpg, "1 0.5 0.5 1 1");
        image(im, lb, "garbage.jpg", "this is not an image".getBytes(), null);
        image(im, lb, "truncated.jpg", Arrays.copyOf(jpg, jpg.length - 2), "0 0.5 0.5 0.2 0.2");
        image(im, lb, "tiny.png", TestImages.encode(".png", 8, 30), "0 0.5 0.5 0.2 0.2");
        image(im, lb, "zero.jpg", new byte[0], null);
        image(im, lb, "cols.jpg", jpg, "0 0.5 0.5 0.2 0.2\n0 0.5 0.5 0.2\n");
        image(im, lb, "neg.jpg", jpg, "0 -0.1 0.5 0.2 0.2");
        image(im, lb, "out.jpg", jpg, "0 0.5 1.2 0.2 0.2");
        image(im, lb, "nan.jpg", jpg, "0 nan 0.5 0.2 0.2");
        image(im, lb, "inf.jpg", jpg, "0 0.5 0.5 inf 0.2");

        Path vi = root.resolve("images/val");
        Path vl = root.resolve("labels/val");
        image(vi, vl, "v1.jpg", jpg, "2 0.5 0.5 0.3 0.3\n");
        image(vi, vl, "v2.png", TestImages.encode(".png", 24, 24), "0 0.5 0.5 0.3 0.3\n1 0.2 0.2 0.1 0.1\n");
        TestImages.write(root.resolve("val.txt"), "./images/val/v1.jpg\r\nimages/val/v2.png\r\n\r\n");
        return TestImages.write(root.resolve("data.yaml"),
                "path: .\ntrain: images/train\nval: val.txt\nnames:\n  0: circle\n  1: square\n  2: triangle\nnc: 3\n");
    }

    private static void image(Path im, Path lb, String name, byte[] bytes, String label) throws IOException {
        TestImages.write(im.resolve(name), bytes);
        if (label != null) {
            TestImages.write(lb.resolve(name.substring(0, name.lastIndexOf('.')) + ".txt"), label);
        }
    }
}
