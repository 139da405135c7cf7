package dev.yolotrain.engine.checkpoint;

import dev.yolotrain.engine.io.HostTensor;
import java.util.LinkedHashMap;

/**
 * Where the training loop stood when a checkpoint was written, beyond the weights and the optimizer: what a
 * resumed run needs to go on exactly as the run would have, also from the middle of an epoch.
 *
 * @param nextBatch the batch of epoch {@code Checkpoint.epoch() + 1} to start at (0 at an epoch's end)
 * @param lastOptStep the global batch index of the last optimizer step (-1: none yet)
 * @param accumulate the accumulation count in force (warmup changes it)
 * @param meanLoss the epoch's running mean box, obj, cls loss so far (zeros at an epoch's end)
 * @param seen images trained on so far in the epoch
 * @param lr per-group learning rates in force, or null at an epoch's end (the schedule sets them)
 * @param momentum per-group momentum in force, or null at an epoch's end
 * @param pendingGrads gradients accumulated since the last optimizer step, by parameter name (empty if none)
 * @param classMaps per-class mAP50-95 of the last validation (image-weight sampling uses them)
 * @param stopperEpoch early stopping's best epoch so far
 * @param stopperFitness early stopping's best fitness so far
 */
public record TrainState(int nextBatch, long lastOptStep, int accumulate, double[] meanLoss, int seen, double[] lr,
        double[] momentum, LinkedHashMap<String, HostTensor> pendingGrads, double[] classMaps, int stopperEpoch,
        double stopperFitness) {}
