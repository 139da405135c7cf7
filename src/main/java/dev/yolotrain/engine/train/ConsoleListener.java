package dev.yolotrain.engine.train;

import java.io.PrintStream;
import java.util.Locale;

/** Progress for people: YOLOv5-like lines, one per batch rewritten in place on a terminal. */
public final class ConsoleListener implements TrainListener {
    private final PrintStream out;
    private final boolean terminal;

    public ConsoleListener(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public void onStatus(String status, String detail) {
        out.println(status + (detail == null || detail.isEmpty() ? "" : ": " + detail));
    }

    @Override
    public void onLog(String message) {
        out.println(message);
    }

    @Override
    public void onProgress(Progress p) {
        String line = String.format(Locale.ROOT, "%10s %10.4g %10.4g %10.4g %10d %10d  %d/%d %.1f img/s",
                p.epoch() + "/" + (p.epochs() - 1), p.loss()[0], p.loss()[1], p.loss()[2], p.instances(), p.imgSize(),
                p.batch(), p.batches(), p.imagesPerSecond());
        if (terminal) {
            out.print("\r" + line + (p.batch() == p.batches() ? "\n" : ""));
        } else if (p.batch() == p.batches() || p.batch() % 10 == 0) {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochResult r) {
        out.println(String.format(Locale.ROOT, "%10s P %.3g  R %.3g  mAP50 %.3g  mAP50-95 %.3g  (%.1f s, %.1f img/s)",
                "epoch " + r.epoch(), r.precision(), r.recall(), r.map50(), r.map(), r.seconds(), r.imagesPerSecond()));
    }
}
