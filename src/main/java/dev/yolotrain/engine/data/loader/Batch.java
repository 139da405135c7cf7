package dev.yolotrain.engine.data.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch: images as RGB CHW, 8-bit ({@link #pixels()}) or float in [0, 1] ({@link #images()}, made on
 * first use), and targets as rows (image index in the batch, class, x, y, w, h), normalised xywh. The
 * trainer takes the bytes and scales them on its device, as YOLOv5 does: a quarter of the memory and of
 * the copies. close() hands the buffers back to the loader for reuse: do not touch {@link #pixels()} or
 * {@link #images()} after it (a batch that is never closed is simply garbage collected).
 */
public final class Batch implements AutoCloseable {
    private final int index;
    private final int height;
    private final int width;
    /** The scale from a byte to its float value, value · (float) (1/255): one rounding, as a scaled conversion in OpenCV or LibTorch. */
    public static final float SCALE = (float) (1 / 255.0);

    private final byte[] pixels;
    private float[] images;
    private final float[] targets;
    private final List<Path> paths;
    private final List<ImageShape> shapes;
    private final BufferPool<byte[]> pool;
    private final BufferPool<float[]> floatPool;
    private final AtomicBoolean closed = new AtomicBoolean();

    Batch(int index, int height, int width, byte[] pixels, float[] targets, List<Path> paths,
            List<ImageShape> shapes, BufferPool<byte[]> pool, BufferPool<float[]> floatPool) {
        this.index = index;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.targets = targets;
        this.paths = paths;
        this.shapes = shapes;
        this.pool = pool;
        this.floatPool = floatPool;
    }

    /** Position of this batch in its epoch. */
    public int index() {
        return index;
    }

    public int size() {
        return paths.size();
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** size × 3 × height × width bytes, RGB planes per image (unsigned: {@code b & 0xFF}). */
    public byte[] pixels() {
        if (closed.get()) {
            throw new IllegalStateException("batch " + index + " is closed");
        }
        return pixels;
    }

    /** size × 3 × height × width floats in [0, 1]: {@link #pixels()} · {@link #SCALE}, made on the first call. */
    public synchronized float[] images() {
        if (closed.get()) {
            throw new IllegalStateException("batch " + index + " is closed");
        }
        if (images == null) {
            byte[] px = pixels();
            float[] f = floatPool != null ? floatPool.take(px.length) : new float[px.length];
            for (int i = 0; i < px.length; i++) {
                f[i] = (px[i] & 0xFF) * SCALE;
            }
            images = f;
        }
        return images;
    }

    /** targetCount × 6 floats: image index, class, x, y, w, h. */
    public float[] targets() {
        return targets;
    }

    public int targetCount() {
        return targets.length / 6;
    }

    /** The image file of each sample (a mosaic sample also holds three other images). */
    public List<Path> paths() {
        return paths;
    }

    /** Per sample, how the original image maps into the output; null for a mosaic sample. */
    public List<ImageShape> shapes() {
        return shapes;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && pool != null) {
            pool.give(pixels);
            synchronized (this) {
                if (images != null && floatPool != null) {
                    floatPool.give(images);
                }
            }
        }
    }
}
