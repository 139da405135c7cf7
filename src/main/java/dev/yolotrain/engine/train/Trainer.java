package dev.yolotrain.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.checkpoint.Checkpoint;
import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DataConfigParser;
import dev.yolotrain.engine.data.DatasetReport;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.NativeLibrary;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.loss.LossHyp;
import dev.yolotrain.engine.loss.YoloLoss;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import dev.yolotrain.engine.train.optim.ModelEma;
import dev.yolotrain.engine.train.optim.NominalBatch;
import dev.yolotrain.engine.train.optim.OptimizerKind;
import dev.yolotrain.engine.train.optim.ParamGroups;
import dev.yolotrain.engine.train.optim.YoloOptimizer;
import java.util.List;
import java.util.Locale;

/**
 * YOLOv5's training loop: warmup then linear/cosine LR, nominal batch 64 by accumulation, gradient
 * clipping, EMA, per-epoch validation of the EMA, fitness, best/last checkpoints, early stopping,
 * resume; SIGTERM saves last and stops after the current batch.
 */
public final class Trainer {
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
            events.onLog(NativeLibrary.available() ? "JPEG decoding: libjpeg-turbo (native)"
                    : "JPEG decoding: OpenCV (native library " + NativeLibrary.unavailableReason() + "; slower, same pixels)");

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
                NDArray anchors = net.anchors().getArray();
                LossHyp lossHyp = new LossHyp(hyp.get("box"), hyp.get("cls"), hyp.get("cls_pw"), hyp.get("obj"),
                        hyp.get("obj_pw"), hyp.get("anchor_t"), hyp.get("fl_gamma"), opt.labelSmoothing());
                YoloLoss loss = YoloLoss.forTraining(lossHyp, nc, opt.imgSize(), anchors);
                TrainLoop loop = new TrainLoop(events, stop, gs, opt, hyp, run, cfg, names, net, ema, optimizer, loss, trainLoader, valLoader, root,
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

}
