package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.data.DatasetException;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.OpenCv;
import dev.yolotrain.engine.data.augment.Boxes;
import dev.yolotrain.engine.data.augment.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.opencv.core.Core;

/**
 * YOLOv5's training / validation loader: batches of letterboxed or mosaic-augmented images made by
 * worker threads ahead of the consumer. Every random choice of a sample comes from
 * (seed, epoch, position), so the batches do not depend on the number of workers or their timing.
 *
 * <pre>
 * try (DataLoader loader = DataLoader.builder().setImages(split.images()).setImageSize(640)
 *         .setBatchSize(16).optAugment(true).optShuffle(true).optWorkers(4).build()) {
 *     for (int e = 0; e &lt; epochs; e++) {
 *         try (Epoch epoch = loader.epoch(e)) {
 *             for (Batch b : epoch) { try (b) { ... } }
 *         }
 *     }
 * }
 * </pre>
 */
public final class DataLoader implements AutoCloseable {
    private final DataLoaderBuilder cfg;
    private final List<Path> paths;
    private final float[][][] labels;
    private final RectShapes rect;
    private final double[] classWeights;
    private final ImageStore store;
    private final SampleMaker maker;
    private final ExecutorService pool;
    private final BlockingQueue<Workspace> workspaces;
    private final List<Workspace> allWorkspaces = new ArrayList<>();
    private final BufferPool<byte[]> buffers;
    private final BufferPool<float[]> floatBuffers;
    private volatile double[] maps;
    private Epoch current;
    private Epoch next;
    private boolean closed;

    DataLoader(DataLoaderBuilder b) {
        OpenCv.load();
        if (b.sequentialOpenCv) {
            Core.setNumThreads(0);
        }
        this.cfg = b;
        List<LabeledImage> images = b.images;
        int n = images.size();
        this.paths = images.stream().map(LabeledImage::image).toList();
        this.labels = new float[n][][];
        for (int i = 0; i < n; i++) {
            float[][] rows = images.get(i).boxes();
            labels[i] = b.singleCls ? Boxes.singleClass(rows) : rows;
        }
        this.rect = b.rect ? RectShapes.of(images.stream().mapToInt(LabeledImage::width).toArray(),
                images.stream().mapToInt(LabeledImage::height).toArray(), b.batchSize, b.imgSize, b.stride, b.pad) : null;
        this.classWeights = b.imageWeights ? ImageWeights.classWeights(labels, b.numClasses(labels)) : null;
        int[][] sizes0 = images.stream().map(li -> new int[] {li.width(), li.height()}).toArray(int[][]::new);
        this.store = new ImageStore(paths, sizes0, b.imgSize, b.augment, b.cacheRam);
        this.maker = new SampleMaker(store, labels, b.imgSize, b.stride, b.augment, b.rect, b.hyp, b.candidates);
        AtomicInteger k = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(b.workers, r -> {
            Thread t = new Thread(r, "yolotrain-loader-" + k.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workspaces = new ArrayBlockingQueue<>(b.workers);
        for (int i = 0; i < b.workers; i++) {
            Workspace w = new Workspace();
            allWorkspaces.add(w);
            workspaces.add(w);
        }
        this.buffers = new BufferPool<>(b.prefetch + 1, byte[]::new);
        this.floatBuffers = new BufferPool<>(1, float[]::new);
        if (b.cacheRam) {
            fillCache();
        }
    }

    public static DataLoaderBuilder builder() {
        return new DataLoaderBuilder();
    }

    /** Images in the dataset. */
    public int size() {
        return paths.size();
    }

    /** Batches per epoch (the last one may be smaller). */
    public int batches() {
        return (size() + cfg.batchSize - 1) / cfg.batchSize;
    }

    /** The rect batch shapes ({height, width} per batch), or null when not rect. */
    public RectShapes rectShapes() {
        return rect;
    }

    /** Per-class mAP of the last validation, used by image-weight sampling from the next epoch on. */
    public void setClassMaps(double[] maps) {
        this.maps = maps == null ? null : maps.clone();
    }

    /** Dataset indices in the order epoch {@code e} visits them. */
    public int[] order(int e) {
        int n = size();
        Rng rng = Rng.of(cfg.seed, e, -1);
        if (classWeights != null) {
            double[] w = ImageWeights.imageWeights(labels, ImageWeights.withMaps(classWeights, maps));
            return ImageWeights.sample(w, n, rng);
        }
        if (rect != null) {
            return rect.order().clone();
        }
        if (cfg.shuffle) {
            return rng.permutation(n);
        }
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    /** Starts epoch {@code e} (closing an unfinished previous one) and returns its batches. */
    public synchronized Epoch epoch(int e) {
        return epoch(e, 0);
    }

    /**
     * Starts epoch {@code e} at batch {@code first} (a run resumed in the middle of an epoch): the batches are
     * those the whole epoch would give from there on.
     */
    public synchronized Epoch epoch(int e, int first) {
        if (closed) {
            throw new IllegalStateException("data loader is closed");
        }
        if (first < 0) {
            throw new IllegalArgumentException("first batch " + first);
        }
        if (current != null) {
            current.close();
        }
        if (next != null && next.epoch() == e && first == 0) {
            current = next;
            current.topUp();
        } else {
            if (next != null) {
                next.close();
            }
            current = new Epoch(this, e, order(e), batches(), cfg.prefetch, cfg.prefetch, first);
        }
        next = null;
        return current;
    }

    /**
     * Called as {@code e}, whose batches are all submitted, hands one over: starts one more batch of
     * epoch e + 1 (not with image weights, whose next order waits for the class mAPs).
     */
    synchronized void prefetchBeyond(Epoch e) {
        if (closed || e != current || classWeights != null) {
            return;
        }
        if (next == null) {
            next = new Epoch(this, e.epoch() + 1, order(e.epoch() + 1), batches(), cfg.prefetch, 0, 0);
        }
        next.submitOne();
    }

    Future<Batch> submit(int epoch, int b, int[] order, BooleanSupplier cancelled) {
        return pool.submit(() -> makeBatch(epoch, b, order, cancelled));
    }

    private Batch makeBatch(int epoch, int b, int[] order, BooleanSupplier cancelled) throws InterruptedException {
        int from = b * cfg.batchSize;
        int to = Math.min(order.length, from + cfg.batchSize);
        int h = rect != null ? rect.shapes()[b][0] : cfg.imgSize;
        int w = rect != null ? rect.shapes()[b][1] : cfg.imgSize;
        int per = 3 * h * w;
        byte[] pixels = buffers.take((to - from) * per);
        List<float[]> rows = new ArrayList<>();
        List<Path> files = new ArrayList<>(to - from);
        List<ImageShape> shapes = new ArrayList<>(to - from);
        Workspace ws = workspaces.take();
        boolean done = false;
        try {
            for (int p = from; p < to; p++) {
                if (cancelled.getAsBoolean()) {
                    return null;
                }
                int index = order[p];
                SampleMaker.Sample s;
                try {
                    s = maker.make(index, order, Rng.of(cfg.seed, epoch, p), h, w, ws, pixels, (p - from) * per);
                } catch (RuntimeException e) {
                    throw new DatasetException(paths.get(index) + ": cannot load sample: " + e.getMessage(), e);
                }
                for (float[] r : s.labels()) {
                    rows.add(new float[] {p - from, r[0], r[1], r[2], r[3], r[4]});
                }
                files.add(paths.get(index));
                shapes.add(s.shape());
            }
            done = true;
        } finally {
            workspaces.put(ws);
            if (!done) {
                buffers.give(pixels);
            }
        }
        float[] targets = new float[rows.size() * 6];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, targets, 6 * i, 6);
        }
        return new Batch(b, h, w, pixels, targets, List.copyOf(files), java.util.Collections.unmodifiableList(shapes), buffers,
                floatBuffers);
    }

    private void fillCache() {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            int k = i;
            fs.add(pool.submit(() -> store.load(k).release()));
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (Exception e) {
            close();
            throw new DatasetException("cannot cache images: " + e.getMessage(), e);
        }
    }

    /** Stops the workers, waits for them, and frees the scratch images and the RAM cache. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.close();
        }
        if (next != null) {
            next.close();
        }
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("data loader workers did not stop");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        allWorkspaces.forEach(Workspace::close);
        store.close();
        buffers.clear();
        floatBuffers.clear();
    }
}
