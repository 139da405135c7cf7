package dev.yolotrain.engine.train.optim;

/** YOLOv5's nominal batch size (nbs = 64) and what follows from it. */
public final class NominalBatch {
    public static final int NBS = 64;

    private NominalBatch() {}

    /** Batches accumulated per optimizer step after warmup: max(round(64 / batch), 1), half-even. */
    public static int accumulate(int batchSize) {
        return (int) Math.max(Math.rint((double) NBS / batchSize), 1);
    }

    /** The conv-weight decay YOLOv5 uses: hyp weight_decay · batch · accumulate / 64. */
    public static double scaledWeightDecay(double weightDecay, int batchSize) {
        return weightDecay * batchSize * accumulate(batchSize) / NBS;
    }
}
