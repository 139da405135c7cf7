package dev.yolotrain.engine.train;

/** Stops when fitness has not improved for {@code patience} epochs (YOLOv5's EarlyStopping). */
public final class EarlyStopping {
    private final int patience;
    private double bestFitness;
    private int bestEpoch;

    public EarlyStopping(int patience) {
        this.patience = patience <= 0 ? Integer.MAX_VALUE : patience;
    }

    /** Records this epoch's fitness; true when training should stop. */
    public boolean update(int epoch, double fitness) {
        if (fitness >= bestFitness) {
            bestEpoch = epoch;
            bestFitness = fitness;
        }
        return epoch - bestEpoch >= patience;
    }

    /** The next epoch could be the last: validate it even under --noval. */
    public boolean possibleStop(int epoch) {
        return patience != Integer.MAX_VALUE && epoch - bestEpoch >= patience - 1;
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestFitness() {
        return bestFitness;
    }

    /** Continues from a saved best epoch and fitness (a resumed run). */
    public void restore(int bestEpoch, double bestFitness) {
        this.bestEpoch = bestEpoch;
        this.bestFitness = bestFitness;
    }
}
