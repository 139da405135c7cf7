package dev.yolotrain.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.yolotrain.engine.checkpoint.Checkpoint;
import dev.yolotrain.engine.checkpoint.CheckpointFile;
import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DataConfigParser;
import dev.yolotrain.engine.data.DatasetReport;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.loader.Batch;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.data.loader.Epoch;
import dev.yolotrain.engine.eval.ClassMetrics;
import dev.yolotrain.engine.eval.DetectionMetrics;
import dev.yolotrain.engine.eval.MetricsTable;
import dev.yolotrain.engine.loss.LossHyp;
import dev.yolotrain.engine.loss.LossResult;
import dev.yolotrain.engine.loss.YoloLoss;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import dev.yolotrain.engine.train.optim.GradClip;
import dev.yolotrain.engine.train.optim.LrSchedule;
import dev.yolotrain.engine.train.optim.ModelEma;
import dev.yolotrain.engine.train.optim.NominalBatch;
import dev.yolotrain.engine.train.optim.OptimizerKind;
import dev.yolotrain.engine.train.optim.ParamGroups;
import dev.yolotrain.engine.train.optim.Warmup;
import dev.yolotrain.engine.train.optim.YoloOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * YOLOv5's training loop: warmup then linear/cosine LR, nominal batch 64 by accumulation, gradient
 * clipping, EMA, per-epoch validation of the EMA, fitness, best/last checkpoints, early stopping,
 * resume; SIGTERM saves last and stops after the current batch.
 */
public final class Trainer {
    private static final int NBS = 64;
    private final TrainListener events;
    private final StopSignal stop;

    public Trainer(TrainListener events, StopSignal stop) {
        this.events = events;
        this.stop = stop;
    }

    /** Trains; returns the run folder. */
    public RunDirectory run(TrainOptions given) {
        try {
            return train(given);
        } finally {
            stop.finished();
        }
    }

    private RunDirectory train(TrainOptions given) {
        Checkpoint resumed = TrainSetup.resumeCheckpoint(given);
        TrainOptions opt = TrainSetup.options(given, resumed);
        Hyp hyp = TrainSetup.hyp(opt, resumed);
        RunDirectory run = resumed != null ? RunDirectory.open(opt.resume().toAbsolutePath().getParent().getParent())
                : RunDirectory.create(opt.project(), opt.name(), opt.existOk());
        events.onStatus("starting", (resumed != null ? "resuming " : "") + run.dir());
        run.writeYaml("hyp.yaml", hyp.asMap());
        run.writeYaml("opt.yaml", opt.asMap());

        DataConfig data = DataConfigParser.parse(opt.data());
        DatasetReport report = DatasetScanner.builder().optWorkers(Math.max(1, opt.workers())).build().scan(data).requireUsable();
        List<String> names = opt.singleCls() ? List.of("item") : data.names();
        int nc = names.size();
        events.onLog(String.format(Locale.ROOT, "train: %d images, val: %d images, %d classes",
                report.split("train").images().size(), report.split("val").images().size(), nc));

        WeightsFile weights = resumed == null ? TrainSetup.weights(opt) : null;
        ModelConfig cfg = TrainSetup.modelConfig(opt, weights, resumed, nc);
        ModelGraph graph = ModelBuilder.build(cfg);
        int gs = (int) Math.max(32, graph.strides()[graph.strides().length - 1]);
        if (opt.imgSize() % gs != 0) {
            throw new dev.yolotrain.engine.config.ConfigException("--img " + opt.imgSize() + " must be a multiple of the max stride " + gs);
        }
        if (opt.batchSize() < 1) {
            throw new dev.yolotrain.engine.config.ConfigException("--batch-size must be >= 1");
        }
        Device device = TrainSetup.device(opt.device());
        Engine.getInstance().setRandomSeed((int) opt.seed() + 1);
        try (NDManager root = NDManager.newBaseManager(device)) {
            YoloNet net = new YoloNet(graph);
            net.initialize(root, DataType.FLOAT32, new Shape(1, 3, gs, gs));
            if (resumed != null) {
                StateDict.load(net, resumed.model(), List.of());
            } else if (weights != null) {
                boolean cfgGiven = opt.cfg() != null && !opt.cfg().isBlank();
                TransferReport tr = StateDict.load(net, weights.stateDict(), cfgGiven ? List.of("anchor") : List.of());
                events.onLog(tr.line(opt.weights()));
            }
            List<String> freeze = ParamGroups.freezePrefixes(opt.freeze());
            ParamGroups groups = ParamGroups.of(net, freeze);
            groups.disableFrozenGradients(net.namedParameters());
            events.onLog(graph.parameterCount() + " parameters, " + String.format(Locale.ROOT, "%.1f", graph.gflops(opt.imgSize(), opt.imgSize()))
                    + " GFLOPs at " + opt.imgSize() + ", device " + device);

            if (resumed == null && !opt.noautoanchor()) {
                new AnchorCheck(events).run(net, report.split("train").images(), opt.imgSize(), hyp.get("anchor_t"), opt.seed());
            }
            YoloNet emaNet = new YoloNet(graph);
            emaNet.initialize(root, DataType.FLOAT32, new Shape(1, 3, gs, gs));
            ModelEma ema = resumed != null ? new ModelEma(emaNet, resumed.ema(), resumed.emaUpdates()) : new ModelEma(emaNet, net);

            int accumulate = NominalBatch.accumulate(opt.batchSize());
            double wd = NominalBatch.scaledWeightDecay(hyp.get("weight_decay"), opt.batchSize());
            OptimizerKind kind = OptimizerKind.parse(opt.optimizer());
            try (YoloOptimizer optimizer = YoloOptimizer.create(kind, groups, net.namedParameters(), hyp.get("lr0"),
                    hyp.get("momentum"), wd);
                    DataLoader trainLoader = trainLoader(opt, hyp, report, nc, gs);
                    DataLoader valLoader = valLoader(opt, report, nc, gs)) {
                if (resumed != null) {
                    optimizer.importState(resumed.optimizer());
                }
                NDArray anchors = net.namedParameters().get(graph.registry().stateKeys().stream()
                        .filter(k -> k.endsWith(".anchors")).findFirst().orElseThrow()).getArray();
                LossHyp lossHyp = new LossHyp(hyp.get("box"), hyp.get("cls"), hyp.get("cls_pw"), hyp.get("obj"),
                        hyp.get("obj_pw"), hyp.get("anchor_t"), hyp.get("fl_gamma"), opt.labelSmoothing());
                YoloLoss loss = YoloLoss.forTraining(lossHyp, nc, opt.imgSize(), anchors);
                Loop loop = new Loop(opt, hyp, run, cfg, names, net, ema, optimizer, loss, trainLoader, valLoader, root,
                        accumulate, resumed);
                loop.run();
            }
        }
        return run;
    }

    private static DataLoader trainLoader(TrainOptions opt, Hyp hyp, DatasetReport report, int nc, int gs) {
        return DataLoader.builder()
                .setImages(report.split("train").images())
                .setImageSize(opt.imgSize())
                .setBatchSize(opt.batchSize())
                .optHyp(hyp)
                .optAugment(true)
                .optRect(opt.rect())
                .optShuffle(!opt.rect())
                .optSeed(opt.seed())
                .optWorkers(Math.max(1, opt.workers()))
                .optStride(gs)
                .optImageWeights(opt.imageWeights())
                .optNumClasses(nc)
                .optSingleCls(opt.singleCls())
                .optCacheRam("ram".equalsIgnoreCase(opt.cache()))
                .build();
    }

    private static DataLoader valLoader(TrainOptions opt, DatasetReport report, int nc, int gs) {
        return DataLoader.builder()
                .setImages(report.split("val").images())
                .setImageSize(opt.imgSize())
                .setBatchSize(opt.batchSize() * 2)
                .optAugment(false)
                .optRect(true)
                .optPad(0.5)
                .optShuffle(false)
                .optWorkers(Math.max(1, opt.workers()))
                .optStride(gs)
                .optNumClasses(nc)
                .optSingleCls(opt.singleCls())
                .optCacheRam("ram".equalsIgnoreCase(opt.cache()))
                .build();
    }

    /** The epochs of one run, with everything they share. */
    private final class Loop {
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
        private final Random rnd;
        private int startEpoch;
        private double bestFitness;
        private double[] classMaps;

        Loop(TrainOptions opt, Hyp hyp, RunDirectory run, ModelConfig cfg, List<String> names, YoloNet net, ModelEma ema,
                YoloOptimizer optimizer, YoloLoss loss, DataLoader trainLoader, DataLoader valLoader, NDManager root,
                int accumulate, Checkpoint resumed) {
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
            this.rnd = new Random(opt.seed());
            this.classMaps = new double[names.size()];
            if (resumed != null) {
                startEpoch = resumed.epoch() + 1;
                bestFitness = resumed.bestFitness();
                ResultsCsv.truncate(run.results(), resumed.resultsCsv(), startEpoch);
                events.onLog("Resuming training from " + opt.resume() + " from epoch " + startEpoch + " to " + opt.epochs()
                        + " total epochs");
            } else if (java.nio.file.Files.exists(run.results())) {
                ResultsCsv.truncate(run.results(), "", 0);
            }
        }

        void run() {
            int nb = trainLoader.batches();
            schedule.apply(optimizer, hyp.get("lr0"), startEpoch);
            long lastOptStep = -1;
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
                try (Epoch it = trainLoader.epoch(epoch)) {
                    int i = 0;
                    for (Batch b : it) {
                        long ni = i + (long) nb * epoch;
                        if (warmup.active(ni)) {
                            warmup.apply(optimizer, ni, epoch);
                            accumulate = warmup.accumulate(ni);
                        }
                        float[] items;
                        int imgSize;
                        try (b; NDManager step = root.newSubManager()) {
                            NDArray x = step.create(b.images(), new Shape(b.size(), 3, b.height(), b.width()));
                            imgSize = Math.max(b.height(), b.width());
                            if (opt.multiScale()) {
                                int gs = 32;
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
                        if (stop.requested()) {
                            cancelled = true;
                            break;
                        }
                    }
                }
                if (cancelled) {
                    // The interrupted epoch is redone on resume; keep everything up to the previous one.
                    saveLast(epoch - 1);
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
                if (!opt.nosave() || finalEpoch) {
                    saveLast(epoch);
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
            Checkpoint best = CheckpointFile.read(run.best());
            YoloNet bestNet = new YoloNet(net.graph());
            bestNet.initialize(root, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            StateDict.load(bestNet, best.weightsForTransfer(), List.of());
            return new Validator().run(bestNet, valLoader, null, names, root);
        }

        private void saveLast(int epoch) {
            CheckpointFile.write(run.last(), checkpoint(epoch));
        }

        private Checkpoint checkpoint(int epoch) {
            return new Checkpoint(cfg.text(), new ArrayList<>(names), StateDict.export(net), ema.exportState(),
                    ema.updates(), optimizer.kind().name(), optimizer.exportState(), epoch, bestFitness, new java.util.LinkedHashMap<>(hyp.asMap()),
                    opt.asMap(), ResultsCsv.read(run.results()));
        }
    }

    static int nbs() {
        return NBS;
    }
}
