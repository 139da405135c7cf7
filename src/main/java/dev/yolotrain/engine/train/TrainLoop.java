package dev.yolotrain.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.yolotrain.engine.checkpoint.Checkpoint;
import dev.yolotrain.engine.checkpoint.CheckpointFile;
import dev.yolotrain.engine.checkpoint.TrainState;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.data.loader.Batch;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.data.loader.Epoch;
import dev.yolotrain.engine.eval.ClassMetrics;
import dev.yolotrain.engine.eval.DetectionMetrics;
import dev.yolotrain.engine.eval.MetricsTable;
import dev.yolotrain.engine.io.HostTensor;
import dev.yolotrain.engine.loss.LossResult;
import dev.yolotrain.engine.loss.YoloLoss;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.YoloNet;
import dev.yolotrain.engine.train.optim.GradClip;
import dev.yolotrain.engine.train.optim.LrSchedule;
import dev.yolotrain.engine.train.optim.ModelEma;
import dev.yolotrain.engine.train.optim.PendingGrads;
import dev.yolotrain.engine.train.optim.Warmup;
import dev.yolotrain.engine.train.optim.YoloOptimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The epochs of one run: batches, optimizer steps, validation, results and checkpoints. */
final class TrainLoop {
    private final TrainListener events;
    private final StopSignal stop;
    private final int gs;
    private final TrainOptions opt;
    private final Hyp hyp;
    private final RunDirectory run;
    private final ModelConfig cfg;
    private final List<String> names;
    private final YoloNet net;
    private final ModelEma ema;
    private final YoloOptimizer optimizer;
    private final YoloLoss loss;
    private final DataLoader trainLoader;
    private final DataLoader valLoader;
    private final NDManager root;
    private final int nominalAccumulate;
    private final LrSchedule schedule;
    private final Warmup warmup;
    private final EarlyStopping stopper;
    private final TrainState resumeState;
    private int startEpoch;
    private double bestFitness;
    private double[] classMaps;

    TrainLoop(TrainListener events, StopSignal stop, int gs, TrainOptions opt, Hyp hyp, RunDirectory run, ModelConfig cfg, List<String> names, YoloNet net, ModelEma ema,
            YoloOptimizer optimizer, YoloLoss loss, DataLoader trainLoader, DataLoader valLoader, NDManager root,
            int accumulate, Checkpoint resumed) {
        this.events = events;
        this.stop = stop;
        this.gs = gs;
        this.opt = opt;
        this.hyp = hyp;
        this.run = run;
        this.cfg = cfg;
        this.names = names;
        this.net = net;
        this.ema = ema;
        this.optimizer = optimizer;
        this.loss = loss;
        this.trainLoader = trainLoader;
        this.valLoader = valLoader;
        this.root = root;
        this.nominalAccumulate = accumulate;
        this.schedule = LrSchedule.of(opt.cosLr(), opt.epochs(), hyp.get("lrf"));
        this.warmup = new Warmup(hyp.get("warmup_epochs"), trainLoader.batches(), opt.batchSize(), hyp.get("lr0"),
                hyp.get("momentum"), hyp.get("warmup_momentum"), hyp.get("warmup_bias_lr"), schedule);
        this.stopper = new EarlyStopping(opt.patience());
        this.resumeState = resumed != null ? resumed.state() : null;
        this.classMaps = new double[names.size()];
        if (resumed != null) {
            startEpoch = resumed.epoch() + 1;
            bestFitness = resumed.bestFitness();
            ResultsCsv.truncate(run.results(), resumed.resultsCsv(), startEpoch);
            events.onLog("Resuming training from " + opt.resume() + " from epoch " + startEpoch + " to " + opt.epochs()
                    + " total epochs");
            for (EpochResult done : EpochLog.truncate(run.epochLog(), startEpoch)) {
                events.onEpochRecovered(done);
            }
        } else {
            if (java.nio.file.Files.exists(run.results())) {
                ResultsCsv.truncate(run.results(), "", 0);
            }
            EpochLog.truncate(run.epochLog(), 0);
        }
    }

    void run() {
        int nb = trainLoader.batches();
        schedule.apply(optimizer, hyp.get("lr0"), startEpoch);
        TrainState st = resumeState;
        long lastOptStep = st != null ? st.lastOptStep() : -1;
        if (st != null) {
            PendingGrads.restore(optimizer, st.pendingGrads());
            if (st.classMaps() != null && st.classMaps().length == classMaps.length) {
                classMaps = st.classMaps().clone();
            }
            stopper.restore(st.stopperEpoch(), st.stopperFitness());
        }
        ParameterStore ps = new ParameterStore(root, false);
        events.onStatus("training", String.format(Locale.ROOT, "%d epochs, %d batches of %d, accumulate %d",
                opt.epochs() - startEpoch, nb, opt.batchSize(), nominalAccumulate));
        int epoch = startEpoch;
        boolean cancelled = false;
        for (; epoch < opt.epochs(); epoch++) {
            long t0 = System.nanoTime();
            if (opt.imageWeights()) {
                trainLoader.setClassMaps(classMaps);
            }
            double[] mloss = new double[3];
            int seen = 0;
            int accumulate = nominalAccumulate;
            int first = 0;
            if (st != null && epoch == startEpoch && st.nextBatch() > 0) { // resumed in the middle of this epoch
                first = st.nextBatch();
                mloss = st.meanLoss().clone();
                seen = st.seen();
                accumulate = st.accumulate();
                for (int g = 0; g < st.lr().length; g++) {
                    optimizer.setLr(g, st.lr()[g]);
                    optimizer.setMomentum(g, st.momentum()[g]);
                }
                events.onLog("Resuming epoch " + epoch + " at batch " + first + " of " + nb);
            }
            try (Epoch it = trainLoader.epoch(epoch, first)) {
                int i = first;
                for (Batch b : it) {
                    long ni = i + (long) nb * epoch;
                    if (warmup.active(ni)) {
                        warmup.apply(optimizer, ni, epoch);
                        accumulate = warmup.accumulate(ni);
                    }
                    float[] items;
                    int imgSize;
                    try (b; NDManager step = root.newSubManager()) {
                        NDArray x = BatchImages.of(step, b);
                        imgSize = Math.max(b.height(), b.width());
                        if (opt.multiScale()) {
                            Random rnd = new Random(opt.seed() * 1_000_003L + ni); // by batch, so a resumed run draws the same
                            int sz = (int) ((opt.imgSize() * 0.5 + rnd.nextInt((int) (opt.imgSize() * 1.5) + gs
                                    - (int) (opt.imgSize() * 0.5))) / gs) * gs;
                            double sf = sz / (double) imgSize;
                            if (sf != 1) {
                                long nh = (long) Math.ceil(b.height() * sf / gs) * gs;
                                long nw = (long) Math.ceil(b.width() * sf / gs) * gs;
                                x = x.getNDArrayInternal().interpolation(new long[] {nh, nw}, 1, false);
                                imgSize = (int) Math.max(nh, nw);
                            }
                        }
                        NDArray t = step.create(b.targets(), new Shape(b.targetCount(), 6));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDList preds = net.forward(ps, new NDList(x), true);
                            LossResult r = loss.compute(preds, t);
                            gc.backward(r.total());
                            items = r.componentValues();
                        }
                        seen += b.size();
                        if (ni - lastOptStep >= accumulate) {
                            GradClip.clipNorm(optimizer.parameters(), 10.0);
                            optimizer.step();
                            ema.update(net);
                            lastOptStep = ni;
                        }
                        for (int k = 0; k < 3; k++) {
                            mloss[k] = (mloss[k] * i + items[k]) / (i + 1);
                        }
                        double secs = (System.nanoTime() - t0) / 1e9;
                        events.onProgress(new TrainListener.Progress(epoch, opt.epochs(), i + 1, nb, mloss.clone(),
                                b.targetCount(), imgSize, seen / secs));
                    }
                    i++;
                    if (stop.requested() && i < nb) {
                        // the position, the epoch's running numbers and any pending gradients go with the checkpoint:
                        // a resumed run goes on from the next batch exactly as this one would have
                        long done = i - 1 + (long) nb * epoch;
                        CheckpointFile.write(run.last(), checkpoint(epoch - 1, new TrainState(i, lastOptStep, accumulate,
                                mloss.clone(), seen, optimizer.lrs(), momenta(), pendingGrads(done, lastOptStep),
                                classMaps.clone(), stopper.bestEpoch(), stopper.bestFitness())));
                        cancelled = true;
                        break;
                    }
                }
            }
            if (cancelled) {
                events.onStatus("cancelled", "stopped during epoch " + epoch + "; saved " + run.last());
                return;
            }
            double trainSeconds = (System.nanoTime() - t0) / 1e9;
            double[] lr = optimizer.lrs();
            schedule.apply(optimizer, hyp.get("lr0"), epoch + 1);
            boolean finalEpoch = epoch + 1 == opt.epochs() || stopper.possibleStop(epoch);
            DetectionMetrics m = null;
            double[] valLoss = new double[3];
            if (!opt.noval() || finalEpoch) {
                events.onStatus("validating", "epoch " + epoch);
                Validator.Result vr = new Validator().run(ema.ema(), valLoader, loss, names, root);
                m = vr.metrics();
                valLoss = vr.loss();
                for (ClassMetrics c : m.classes()) {
                    classMaps[c.id()] = c.map50to95();
                }
            }
            double p = m == null ? 0 : m.precision();
            double r = m == null ? 0 : m.recall();
            double map50 = m == null ? 0 : m.map50();
            double map = m == null ? 0 : m.map50to95();
            double fitness = 0.1 * map50 + 0.9 * map;
            boolean stopNow = stopper.update(epoch, fitness);
            boolean isBest = fitness > bestFitness;
            if (isBest) {
                bestFitness = fitness;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochResult er = new EpochResult(epoch, mloss, p, r, map50, map, valLoss, lr, seconds, seen / trainSeconds,
                    fitness);
            ResultsCsv.append(run.results(), er);
            EpochLog.append(run.epochLog(), er); // before the checkpoint: what it covers is always in the log
            if (!opt.nosave() || finalEpoch) {
                saveLast(epoch, lastOptStep, (long) nb * (epoch + 1) - 1);
                if (isBest || bestFitness == fitness) {
                    CheckpointFile.write(run.best(), checkpoint(epoch));
                }
                if (opt.savePeriod() > 0 && epoch % opt.savePeriod() == 0) {
                    CheckpointFile.write(run.epochCheckpoint(epoch), checkpoint(epoch));
                }
            }
            events.onEpochEnd(er);
            if (stopNow) {
                events.onLog(String.format(Locale.ROOT, "Stopping training early as no improvement observed in last %d "
                        + "epochs. Best results observed at epoch %d.", opt.patience(), stopper.bestEpoch()));
                break;
            }
            if (stop.requested()) {
                if (opt.nosave() && !finalEpoch) {
                    saveLast(epoch, lastOptStep, (long) nb * (epoch + 1) - 1);
                }
                events.onStatus("cancelled", "stopped after epoch " + epoch + "; saved " + run.last());
                return;
            }
        }
        finish(Math.min(epoch, opt.epochs() - 1));
    }

    private void finish(int lastEpoch) {
        // Finished runs keep no optimizer state (YOLOv5's strip_optimizer): smaller, and not resumable.
        for (java.nio.file.Path f : List.of(run.last(), run.best())) {
            if (java.nio.file.Files.exists(f)) {
                CheckpointFile.write(f, CheckpointFile.read(f).stripped());
            }
        }
        events.onLog((lastEpoch - startEpoch + 1) + " epochs completed.");
        if (java.nio.file.Files.exists(run.best())) {
            Validator.Result vr = validateBest();
            for (String line : MetricsTable.lines(vr.metrics())) {
                events.onLog(line);
            }
        }
        events.onStatus("finished", "results saved to " + run.dir());
    }

    private Validator.Result validateBest() {
        // Training is over: the EMA model's memory is reused for the best weights.
        Checkpoint best = CheckpointFile.read(run.best());
        YoloNet bestNet = ema.ema();
        StateDict.load(bestNet, best.weightsForTransfer(), List.of());
        return new Validator().run(bestNet, valLoader, null, names, root);
    }

    /** At the end of {@code epoch}, whose last global batch index is {@code lastBatch}. */
    private void saveLast(int epoch, long lastOptStep, long lastBatch) {
        CheckpointFile.write(run.last(), checkpoint(epoch, new TrainState(0, lastOptStep, nominalAccumulate, new double[3], 0,
                null, null, pendingGrads(lastBatch, lastOptStep), classMaps.clone(), stopper.bestEpoch(), stopper.bestFitness())));
    }

    /** Gradients accumulated after the last optimizer step, when there are any. */
    private LinkedHashMap<String, HostTensor> pendingGrads(long lastBatch, long lastOptStep) {
        return lastBatch == lastOptStep ? new LinkedHashMap<>() : PendingGrads.export(optimizer);
    }

    private double[] momenta() {
        double[] m = new double[optimizer.lrs().length];
        for (int g = 0; g < m.length; g++) {
            m[g] = optimizer.momentum(g);
        }
        return m;
    }

    private Checkpoint checkpoint(int epoch) {
        return checkpoint(epoch, null);
    }

    private Checkpoint checkpoint(int epoch, TrainState state) {
        return new Checkpoint(cfg.text(), new ArrayList<>(names), StateDict.export(net), ema.exportState(),
                ema.updates(), optimizer.kind().name(), optimizer.exportState(), epoch, bestFitness, new java.util.LinkedHashMap<>(hyp.asMap()),
                opt.asMap(), ResultsCsv.read(run.results()), state);
    }
}
