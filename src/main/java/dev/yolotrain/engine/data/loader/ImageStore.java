package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.ImageDecoder;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads images resized so their long side is imgSize (linear interpolation when enlarging or when
 * augmenting, area when shrinking for validation), optionally kept in RAM (native memory) after the first read.
 */
final class ImageStore implements AutoCloseable {

    /** An image at load size; release() it unless {@code cached}. */
    record Loaded(Mat mat, int height0, int width0, boolean cached) {
        void release() {
            if (!cached) {
                mat.release();
            }
        }
    }

    private final List<Path> files;
    private final int[][] sizes0;
    private final int imgSize;
    private final boolean augment;
    private final Mat[] cache;
    private final int[][] shape0;

    /** @param sizes0 per image its upright {width, height} as scanned */
    ImageStore(List<Path> files, int[][] sizes0, int imgSize, boolean augment, boolean cacheRam) {
        this.files = files;
        this.sizes0 = sizes0;
        this.imgSize = imgSize;
        this.augment = augment;
        this.cache = cacheRam ? new Mat[files.size()] : null;
        this.shape0 = cacheRam ? new int[files.size()][] : null;
    }

    boolean caching() {
        return cache != null;
    }

    Loaded load(int i) {
        if (cache != null) {
            Mat m;
            int[] s;
            synchronized (this) {
                m = cache[i];
                s = shape0[i];
            }
            if (m != null) {
                return new Loaded(m, s[0], s[1], true);
            }
            Loaded fresh = read(i);
            synchronized (this) {
                if (cache[i] == null) {
                    cache[i] = fresh.mat();
                    shape0[i] = new int[] {fresh.height0(), fresh.width0()};
                    return new Loaded(fresh.mat(), fresh.height0(), fresh.width0(), true);
                }
                fresh.mat().release();
                return new Loaded(cache[i], shape0[i][0], shape0[i][1], true);
            }
        }
        return read(i);
    }

    /** {width, height} image i will have when loaded, from its scanned size (no decoding). */
    int[] loadedSize(int i) {
        return loadedSize(sizes0[i][0], sizes0[i][1]);
    }

    private int[] loadedSize(int w0, int h0) {
        double r = (double) imgSize / Math.max(h0, w0);
        return r == 1 ? new int[] {w0, h0} : new int[] {Math.max(1, (int) (w0 * r)), Math.max(1, (int) (h0 * r))};
    }

    private Loaded read(int i) {
        Mat im = ImageDecoder.read(files.get(i));
        int h0 = im.rows();
        int w0 = im.cols();
        double r = (double) imgSize / Math.max(h0, w0);
        if (r != 1) {
            int interp = augment || r > 1 ? Imgproc.INTER_LINEAR : Imgproc.INTER_AREA;
            int[] size = loadedSize(w0, h0);
            Mat resized = new Mat();
            Imgproc.resize(im, resized, new Size(size[0], size[1]), 0, 0, interp);
            im.release();
            im = resized;
        }
        return new Loaded(im, h0, w0, false);
    }

    @Override
    public synchronized void close() {
        if (cache != null) {
            for (int i = 0; i < cache.length; i++) {
                if (cache[i] != null) {
                    cache[i].release();
                    cache[i] = null;
                }
            }
        }
    }
}
