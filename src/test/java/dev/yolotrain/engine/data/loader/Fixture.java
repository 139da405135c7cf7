package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.augment.Draw;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Size;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Small PNG (or JPEG) datasets written by the tests: image i holds one box of class i % 12 in colour COLOURS[i % 12]. */
final class Fixture {

    private Fixture() {}

    /** One image per {w, h}; the box covers the middle of the image, a little off-centre. */
    static List<LabeledImage> dataset(Path dir, int[][] sizes) {
        return dataset(dir, sizes, "png");
    }

    /** As {@link #dataset(Path, int[][])} in the given format; JPEGs get a smooth noise background (lossy anyway). */
    static List<LabeledImage> dataset(Path dir, int[][] sizes, String ext) {
        List<LabeledImage> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int w = sizes[i][0];
            int h = sizes[i][1];
            Mat m = Draw.black(w, h);
            if (ext.equals("jpg")) {
                Core.randu(m, 0, 255);
                Imgproc.GaussianBlur(m, m, new Size(0, 0), 1.5);
            }
            int c = i % Draw.COLOURS.length;
            float[] box = Draw.box(m, c, w / 5 + i % 3, h / 4, w * 3 / 5 + i % 4, h * 2 / 3, Draw.COLOURS[c]);
            Path p = dir.resolve(String.format("im%03d.%s", i, ext));
            Imgcodecs.imwrite(p.toString(), m);
            m.release();
            out.add(new LabeledImage(p, dir.resolve(String.format("im%03d.txt", i)), w, h, new float[][] {box}));
        }
        return out;
    }

    static int[][] sizes(int n, int w, int h) {
        int[][] s = new int[n][];
        for (int i = 0; i < n; i++) {
            s[i] = new int[] {w, h};
        }
        return s;
    }

    /** Sample k of a batch as an 8-bit BGR image (for pixel checks). */
    static Mat image(Batch b, int k) {
        int h = b.height();
        int w = b.width();
        int plane = h * w;
        int off = k * 3 * plane;
        byte[] px = new byte[plane * 3];
        float[] f = b.images();
        for (int i = 0; i < plane; i++) {
            px[3 * i] = (byte) Math.round(f[off + 2 * plane + i] * 255);
            px[3 * i + 1] = (byte) Math.round(f[off + plane + i] * 255);
            px[3 * i + 2] = (byte) Math.round(f[off + i] * 255);
        }
        Mat m = new Mat(h, w, CvType.CV_8UC3);
        m.put(0, 0, px);
        return m;
    }

    /** Target rows of sample k: {class, x, y, w, h}. */
    static List<float[]> targets(Batch b, int k) {
        List<float[]> rows = new ArrayList<>();
        float[] t = b.targets();
        for (int i = 0; i < b.targetCount(); i++) {
            if ((int) t[6 * i] == k) {
                rows.add(java.util.Arrays.copyOfRange(t, 6 * i + 1, 6 * i + 6));
            }
        }
        return rows;
    }
}
