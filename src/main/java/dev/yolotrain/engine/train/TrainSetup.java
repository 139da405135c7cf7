package dev.yolotrain.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.yolotrain.engine.checkpoint.Checkpoint;
import dev.yolotrain.engine.checkpoint.CheckpointFile;
import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.config.HypParser;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.config.ModelConfigParser;
import dev.yolotrain.engine.model.BuiltinModels;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves what a run starts from: options (possibly from a checkpoint), hyp, model config, weights, device. */
final class TrainSetup {
    private TrainSetup() {}

    /** The options to run with: a resumed run takes its own saved options, except the resume path. */
    static TrainOptions options(TrainOptions given, Checkpoint resumed) {
        if (resumed == null) {
            return given;
        }
        return TrainOptions.fromMap(resumed.options(), given.resume());
    }

    static Checkpoint resumeCheckpoint(TrainOptions opt) {
        if (opt.resume() == null) {
            return null;
        }
        if (!Files.isRegularFile(opt.resume())) {
            throw new ConfigException("--resume: no checkpoint at " + opt.resume());
        }
        Checkpoint c = CheckpointFile.read(opt.resume());
        if (c.optimizer().isEmpty()) {
            throw new ConfigException("--resume: " + opt.resume() + " is a finished run's checkpoint (no optimizer state); "
                    + "start a new run with --weights " + opt.resume() + " instead");
        }
        int epochs = ((Number) c.options().getOrDefault("epochs", 0)).intValue();
        if (c.epoch() + 1 >= epochs) {
            throw new ConfigException("--resume: training to " + epochs + " epochs is finished, nothing to resume");
        }
        return c;
    }

    static Hyp hyp(TrainOptions opt, Checkpoint resumed) {
        if (resumed != null) {
            return HypParser.fromMap(resumed.hyp(), "checkpoint hyp");
        }
        return opt.hyp() == null ? Hyp.defaults() : HypParser.parse(opt.hyp());
    }

    static WeightsFile weights(TrainOptions opt) {
        if (opt.weights() == null || opt.weights().isBlank()) {
            return null;
        }
        Path p = Path.of(opt.weights());
        if (!Files.isRegularFile(p)) {
            throw new ConfigException("--weights: no such file " + p + " (give '' to train from scratch)");
        }
        return WeightsFile.read(p);
    }

    /** --cfg wins; else the architecture stored with the weights (a yolotrain checkpoint, a YOLOv5 .pt); else an error. */
    static ModelConfig modelConfig(TrainOptions opt, WeightsFile w, Checkpoint resumed, int nc) {
        ModelConfig cfg;
        if (resumed != null) {
            cfg = ModelConfigParser.parse(resumed.cfgYaml(), "checkpoint cfg");
        } else if (opt.cfg() != null && !opt.cfg().isBlank()) {
            cfg = BuiltinModels.load(opt.cfg());
        } else if (w != null && w.cfgYaml() != null) {
            cfg = ModelConfigParser.parse(w.cfgYaml(), opt.weights() + " model yaml");
        } else {
            throw new ConfigException("give --cfg (a yolov5*.yml or yolov5n/s/m/l/x), or --weights with a yolotrain checkpoint or a YOLOv5 .pt");
        }
        return cfg.withNc(nc);
    }

    /** YOLOv5's --device: '' (GPU 0 when there is one), 'cpu', or a CUDA index. */
    static Device device(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        if (s.isEmpty()) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.contains(",")) {
            throw new ConfigException("--device " + spec + ": training one job on several GPUs is not supported; give one index");
        }
        int idx;
        try {
            idx = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new ConfigException("--device must be 'cpu', a CUDA index such as 0, or empty; got '" + spec + "'");
        }
        if (idx >= gpus) {
            throw new ConfigException("--device " + spec + ": CUDA device " + idx + " requested but DJL sees " + gpus + " GPU(s)");
        }
        return Device.gpu(idx);
    }
}
