package dev.yolotrain.engine.data.loader;

import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.augment.AugmentHyp;
import dev.yolotrain.engine.data.augment.BoxCandidates;
import java.util.List;

/** Settings of a {@link DataLoader}: {@code set*} are required, {@code opt*} have the defaults given. */
public final class DataLoaderBuilder {
    List<LabeledImage> images;
    int imgSize;
    int batchSize;
    AugmentHyp hyp = AugmentHyp.defaults();
    boolean augment;
    boolean shuffle;
    long seed;
    int workers = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    int prefetch = -1;
    boolean rect;
    double pad;
    int stride = 32;
    boolean imageWeights;
    int nc = -1;
    boolean singleCls;
    boolean cacheRam;
    BoxCandidates candidates = BoxCandidates.DEFAULT;
    boolean sequentialOpenCv = true;

    DataLoaderBuilder() {}

    /** The images and their labels (e.g. {@code SplitReport.images()}), in dataset order. */
    public DataLoaderBuilder setImages(List<LabeledImage> images) {
        this.images = List.copyOf(images);
        return this;
    }

    /** Long side of the loaded images and side of the square (mosaic / non-rect) samples; a stride multiple. */
    public DataLoaderBuilder setImageSize(int imgSize) {
        this.imgSize = imgSize;
        return this;
    }

    public DataLoaderBuilder setBatchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    /** Augmentation hyperparameters (default hyp.scratch-low). */
    public DataLoaderBuilder optHyp(Hyp hyp) {
        this.hyp = AugmentHyp.from(hyp);
        return this;
    }

    public DataLoaderBuilder optHyp(AugmentHyp hyp) {
        this.hyp = hyp;
        return this;
    }

    /** Training augmentation: mosaic, mixup, perspective, HSV, flips (default false = validation). */
    public DataLoaderBuilder optAugment(boolean augment) {
        this.augment = augment;
        return this;
    }

    /** A new random order every epoch (default false; ignored with rect, as in YOLOv5). */
    public DataLoaderBuilder optShuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** Seed of every random choice (default 0). */
    public DataLoaderBuilder optSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Worker threads (default min(8, CPUs)). */
    public DataLoaderBuilder optWorkers(int workers) {
        this.workers = workers;
        return this;
    }

    /** Batches made ahead of the consumer, at most (default = workers; each holds a float batch). */
    public DataLoaderBuilder optPrefetch(int batches) {
        this.prefetch = batches;
        return this;
    }

    /** Rectangular batches: aspect-sorted images, one stride-aligned shape per batch; turns mosaic off (default false). */
    public DataLoaderBuilder optRect(boolean rect) {
        this.rect = rect;
        return this;
    }

    /** Extra strides added to each rect batch shape (YOLOv5: 0.0 train, 0.5 val; default 0). */
    public DataLoaderBuilder optPad(double pad) {
        this.pad = pad;
        return this;
    }

    /** Largest model stride (default 32). */
    public DataLoaderBuilder optStride(int stride) {
        this.stride = stride;
        return this;
    }

    /** Draw each epoch's images by class weights × (1 − class mAP)² (default false; turns rect off). */
    public DataLoaderBuilder optImageWeights(boolean imageWeights) {
        this.imageWeights = imageWeights;
        return this;
    }

    /** Number of classes (default: largest class id + 1). */
    public DataLoaderBuilder optNumClasses(int nc) {
        this.nc = nc;
        return this;
    }

    /** Every box becomes class 0 (default false). */
    public DataLoaderBuilder optSingleCls(boolean singleCls) {
        this.singleCls = singleCls;
        return this;
    }

    /** Keep every image decoded and resized in native memory, read once when the loader is built (default false). */
    public DataLoaderBuilder optCacheRam(boolean cacheRam) {
        this.cacheRam = cacheRam;
        return this;
    }

    /** Which boxes survive a geometric transform (default 2 px, aspect 20, area 0.1). */
    public DataLoaderBuilder optBoxCandidates(BoxCandidates candidates) {
        this.candidates = candidates;
        return this;
    }

    /** Run OpenCV's own functions single-threaded (process-wide, as YOLOv5 does; default true). */
    public DataLoaderBuilder optSequentialOpenCv(boolean sequential) {
        this.sequentialOpenCv = sequential;
        return this;
    }

    int numClasses(float[][][] labels) {
        int max = -1;
        for (float[][] img : labels) {
            for (float[] r : img) {
                max = Math.max(max, (int) r[0]);
            }
        }
        if (nc > 0 && max >= nc) {
            throw new IllegalArgumentException("class id " + max + " >= nc " + nc);
        }
        return nc > 0 ? nc : max + 1;
    }

    public DataLoader build() {
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("setImages: no images");
        }
        if (imgSize < 1 || imgSize % stride != 0) {
            throw new IllegalArgumentException("setImageSize: must be a positive multiple of stride " + stride + ", got " + imgSize);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("setBatchSize: must be >= 1, got " + batchSize);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("optWorkers: must be >= 1, got " + workers);
        }
        DataLoaderBuilder c = copy(); // the loader keeps its own settings, whatever this builder does next
        c.batchSize = Math.min(batchSize, images.size());
        c.prefetch = prefetch < 1 ? workers : prefetch;
        return new DataLoader(c);
    }

    private DataLoaderBuilder copy() {
        DataLoaderBuilder c = new DataLoaderBuilder();
        c.images = images;
        c.imgSize = imgSize;
        c.batchSize = batchSize;
        c.hyp = hyp;
        c.augment = augment;
        c.shuffle = shuffle && !(rect && !imageWeights);
        c.seed = seed;
        c.workers = workers;
        c.prefetch = prefetch;
        c.rect = rect && !imageWeights;
        c.pad = pad;
        c.stride = stride;
        c.imageWeights = imageWeights;
        c.nc = nc;
        c.singleCls = singleCls;
        c.cacheRam = cacheRam;
        c.candidates = candidates;
        c.sequentialOpenCv = sequentialOpenCv;
        return c;
    }
}
