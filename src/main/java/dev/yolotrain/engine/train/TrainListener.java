package dev.yolotrain.engine.train;

/** Moments of a training run, for the console, JSON-lines events and the worker. */
public interface TrainListener {

    /** A change of phase: starting, training, validating, finished, failed, cancelled. */
    default void onStatus(String status, String detail) {}

    default void onLog(String message) {}

    /** After each batch. */
    default void onProgress(Progress p) {}

    default void onEpochEnd(EpochResult r) {}

    /** On resume, each epoch the checkpoint covers, from the run's epoch log (for records that may have missed it). */
    default void onEpochRecovered(EpochResult r) {}

    /**
     * @param epoch 0-based epoch
     * @param epochs total epochs
     * @param batch 1-based batch within the epoch
     * @param batches batches per epoch
     * @param loss running mean of box, obj, cls losses this epoch
     * @param instances targets in this batch
     * @param imgSize image size of this batch
     * @param imagesPerSecond throughput so far this epoch
     */
    record Progress(int epoch, int epochs, int batch, int batches, double[] loss, int instances, int imgSize,
            double imagesPerSecond) {}
}
