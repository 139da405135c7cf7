package dev.yolotrain.engine.train.optim;

/**
 * YOLOv5's epoch lr factor lf(e): linear (1 − e/epochs)·(1 − lrf) + lrf, or with {@code --cos-lr}
 * one_cycle ((1 − cos(e·π/epochs))/2)·(lrf − 1) + 1. YOLOv5 steps its LambdaLR at the end of each
 * epoch, so outside warmup every group runs epoch e at lr0·lf(e).
 */
public final class LrSchedule {
    private final boolean cosine;
    private final int epochs;
    private final double lrf;

    private LrSchedule(boolean cosine, int epochs, double lrf) {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive: " + epochs);
        }
        this.cosine = cosine;
        this.epochs = epochs;
        this.lrf = lrf;
    }

    public static LrSchedule linear(int epochs, double lrf) {
        return new LrSchedule(false, epochs, lrf);
    }

    public static LrSchedule cosine(int epochs, double lrf) {
        return new LrSchedule(true, epochs, lrf);
    }

    public static LrSchedule of(boolean cosine, int epochs, double lrf) {
        return new LrSchedule(cosine, epochs, lrf);
    }

    public boolean isCosine() {
        return cosine;
    }

    public int epochs() {
        return epochs;
    }

    public double lrf() {
        return lrf;
    }

    /** lf(epoch). */
    public double factor(int epoch) {
        if (cosine) {
            return ((1 - Math.cos(epoch * Math.PI / epochs)) / 2) * (lrf - 1) + 1;
        }
        return (1 - (double) epoch / epochs) * (1.0 - lrf) + lrf;
    }

    /** lr0·lf(epoch): every group's lr during epoch {@code epoch} once warmup is over. */
    public double lr(double lr0, int epoch) {
        return lr0 * factor(epoch);
    }

    /** Sets every group of {@code opt} to lr0·lf(epoch) (the scheduler step before epoch {@code epoch}). */
    public void apply(YoloOptimizer opt, double lr0, int epoch) {
        for (int g = 0; g < ParamGroups.COUNT; g++) {
            opt.setLr(g, lr(lr0, epoch));
        }
    }
}
