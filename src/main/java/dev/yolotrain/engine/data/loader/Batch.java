package dev.yolotrain.engine.data.loader;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One batch: images as float RGB CHW in [0, 1] and targets as rows (image index in the batch, class,
 * x, y, w, h), normalised xywh. close() hands the image buffer back to the loader for reuse: do not
 * touch {@link #images()} after it (a batch that is never closed is simply garbage collected).
 */
public final class Batch implements AutoCloseable {
    private final int index;
    private final int height;
    private final int width;
    private final float[] images;
    private final float[] targets;
    private final List<Path> paths;
    private final List<ImageShape> shapes;
    private final BufferPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    Batch(int index, int height, int width, float[] images, float[] targets, List<Path> paths,
            List<ImageShape> shapes, BufferPool pool) {
        this.index = index;
        this.height = height;
        this.width = width;
        this.images = images;
        this.targets = targets;
        this.paths = paths;
        this.shapes = shapes;
        this.pool = pool;
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

    /** size × 3 × height × width floats. */
    public float[] images() {
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
            pool.give(images);
        }
    }
}
