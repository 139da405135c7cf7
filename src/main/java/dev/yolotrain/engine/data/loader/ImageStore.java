package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.DatasetException;
import dev.yolotrain.engine.data.ImageDecoder;
import dev.yolotrain.engine.data.JpegTurbo;
import dev.yolotrain.engine.data.augment.TilePixels;
import java.nio.file.Path;
import java.util.Arrays;
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

    /**
     * Image i at load size as a mosaic tile; release it after use. A JPEG stored upright at exactly load
     * size is decoded on demand, only the rectangle asked for, straight into the destination; anything
     * else (and any image of the RAM cache) is loaded whole.
     */
    Tile tile(int i) {
        if (cache != null) {
            return new Tile(load(i), null, null, 0, 0);
        }
        Path file = files.get(i);
        byte[] bytes = ImageDecoder.readBytes(file);
        int[] wh = ImageDecoder.croppableJpegSize(bytes);
        if (wh != null && Arrays.equals(loadedSize(wh[0], wh[1]), wh)) {
            return new Tile(null, file, bytes, wh[0], wh[1]);
        }
        return new Tile(atLoadSize(ImageDecoder.decode(file, bytes)), null, null, 0, 0);
    }

    /** A mosaic tile: a loaded image, or a JPEG's bytes decoded a rectangle at a time. */
    static final class Tile implements TilePixels {
        private final Loaded loaded;
        private final Path file;
        private final byte[] jpeg;
        private final int width;
        private final int height;

        private Tile(Loaded loaded, Path file, byte[] jpeg, int width, int height) {
            this.loaded = loaded;
            this.file = file;
            this.jpeg = jpeg;
            this.width = loaded != null ? loaded.mat().cols() : width;
            this.height = loaded != null ? loaded.mat().rows() : height;
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public int height() {
            return height;
        }

        @Override
        public void copyTo(int x, int y, Mat to) {
            if (loaded != null) {
                TilePixels.of(loaded.mat()).copyTo(x, y, to);
            } else if (!JpegTurbo.decode(jpeg, width, height, x, y, to)) {
                // corrupt past the header, or truncated: OpenCV decodes it whole or says why it cannot
                Mat whole = ImageDecoder.decode(file, jpeg);
                try {
                    if (whole.cols() != width || whole.rows() != height) {
                        throw new DatasetException(file + ": decodes to " + whole.cols() + "x" + whole.rows()
                                + ", its header says " + width + "x" + height);
                    }
                    TilePixels.of(whole).copyTo(x, y, to);
                } finally {
                    whole.release();
                }
            }
        }

        void release() {
            if (loaded != null) {
                loaded.release();
            }
        }
    }

    private Loaded read(int i) {
        return atLoadSize(ImageDecoder.read(files.get(i)));
    }

    private Loaded atLoadSize(Mat im) {
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
