package dev.yolotrain.engine.train.optim;

/**
 * YOLOv5's warmup over the first nw = max(round(warmup_epochs·nb), 100) iterations (always at least
 * 100, even for warmup_epochs 0). For an iteration ni ≤ nw (ni counts batches from the start of
 * training): accumulate = max(1, round(interp(ni, [0, nw], [1, 64/batch]))); group 0 (biases) lr
 * falls from warmup_bias_lr to lr0·lf(epoch), groups 1 and 2 rise from 0; SGD momentum rises from
 * warmup_momentum to momentum. Rounding is half-even, as Python's round and numpy's.
 *
 * @param warmupEpochs hyp warmup_epochs
 * @param batchesPerEpoch nb
 * @param batchSize total batch size
 * @param lr0 hyp lr0
 * @param momentum hyp momentum
 * @param warmupMomentum hyp warmup_momentum
 * @param warmupBiasLr hyp warmup_bias_lr
 * @param schedule the epoch lr factor
 */
public record Warmup(double warmupEpochs, int batchesPerEpoch, int batchSize, double lr0, double momentum,
                     double warmupMomentum, double warmupBiasLr, LrSchedule schedule) {

    /** nw. */
    public int iterations() {
        return (int) Math.max(Math.rint(warmupEpochs * batchesPerEpoch), 100);
    }

    /** Whether iteration {@code ni} is a warmup iteration (ni ≤ nw). */
    public boolean active(long ni) {
        return ni <= iterations();
    }

    /** Batches to accumulate per step at warmup iteration {@code ni}. */
    public int accumulate(long ni) {
        double a = interp(ni, iterations(), 1, (double) NominalBatch.NBS / batchSize);
        return (int) Math.max(1, Math.rint(a));
    }

    /** lr of {@code group} at warmup iteration {@code ni} in epoch {@code epoch}. */
    public double lr(int group, long ni, int epoch) {
        double start = group == ParamGroups.BIAS ? warmupBiasLr : 0.0;
        return interp(ni, iterations(), start, lr0 * schedule.factor(epoch));
    }

    /** SGD momentum at warmup iteration {@code ni}. */
    public double momentum(long ni) {
        return interp(ni, iterations(), warmupMomentum, momentum);
    }

    /** Sets every group's lr and momentum for iteration {@code ni}; does nothing after warmup. */
    public void apply(YoloOptimizer opt, long ni, int epoch) {
        if (!active(ni)) {
            return;
        }
        double m = momentum(ni);
        for (int g = 0; g < ParamGroups.COUNT; g++) {
            opt.setLr(g, lr(g, ni, epoch));
            opt.setMomentum(g, m);
        }
    }

    /** numpy.interp(x, [0, x1], [y0, y1]) with numpy's arithmetic (endpoints exact, clamped outside). */
    static double interp(double x, double x1, double y0, double y1) {
        if (x > x1) {
            return y1;
        }
        if (x < 0) {
            return y0;
        }
        if (x == x1) {
            return y1;
        }
        if (x == 0) {
            return y0;
        }
        double slope = (y1 - y0) / (x1 - 0.0);
        return slope * (x - 0.0) + y0;
    }
}
