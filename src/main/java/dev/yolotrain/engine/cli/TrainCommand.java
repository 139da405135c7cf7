package dev.yolotrain.engine.cli;

import dev.yolotrain.engine.train.ConsoleListener;
import dev.yolotrain.engine.train.JsonLinesListener;
import dev.yolotrain.engine.train.StopSignal;
import dev.yolotrain.engine.train.TrainListener;
import dev.yolotrain.engine.train.TrainOptions;
import dev.yolotrain.engine.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train}: YOLOv5's train.py options, on DJL. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a YOLOv5 model (options as in YOLOv5's train.py)")
final class TrainCommand implements Callable<Integer> {
    @Option(names = "--weights", defaultValue = "", description = "initial weights: a yolotrain checkpoint or an exported YOLOv5 state dict (.safetensors/.npz); '' = from scratch")
    String weights;
    @Option(names = "--cfg", description = "model yml or built-in name (yolov5n/s/m/l/x, v4/yolov5s, v3/yolov5s)")
    String cfg;
    @Option(names = "--data", description = "dataset data.yaml (required unless --resume)")
    Path data;
    @Option(names = "--hyp", description = "hyperparameters yaml (default: scratch-low values)")
    Path hyp;
    @Option(names = "--epochs", defaultValue = "100")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "16", description = "total batch size")
    int batchSize;
    @Option(names = {"--img", "--imgsz", "--img-size"}, defaultValue = "640", description = "train and val image size (pixels)")
    int img;
    @Option(names = "--rect", description = "rectangular training")
    boolean rect;
    @Option(names = "--resume", arity = "0..1", fallbackValue = "", description = "resume from a last.safetensors (no value: the most recent run under --project)")
    String resume;
    @Option(names = "--nosave", description = "only save the final checkpoint")
    boolean nosave;
    @Option(names = "--noval", description = "only validate the final epoch")
    boolean noval;
    @Option(names = "--noautoanchor", description = "disable the autoanchor check")
    boolean noautoanchor;
    @Option(names = "--cache", arity = "0..1", fallbackValue = "ram", description = "cache decoded images in RAM (ram)")
    String cache;
    @Option(names = "--image-weights", description = "sample images by class weights x (1 - mAP)^2")
    boolean imageWeights;
    @Option(names = "--device", defaultValue = "", description = "cuda device (0) or cpu; empty = GPU 0 if present")
    String device;
    @Option(names = "--multi-scale", description = "vary image size +/- 50%%")
    boolean multiScale;
    @Option(names = "--single-cls", description = "train multi-class data as one class")
    boolean singleCls;
    @Option(names = "--optimizer", defaultValue = "SGD", description = "SGD, Adam or AdamW")
    String optimizer;
    @Option(names = "--workers", defaultValue = "8", description = "data loader threads")
    int workers;
    @Option(names = "--project", defaultValue = "runs/train")
    Path project;
    @Option(names = "--name", defaultValue = "exp")
    String name;
    @Option(names = "--exist-ok", description = "reuse project/name instead of incrementing")
    boolean existOk;
    @Option(names = "--cos-lr", description = "cosine LR schedule")
    boolean cosLr;
    @Option(names = "--label-smoothing", defaultValue = "0.0")
    double labelSmoothing;
    @Option(names = "--patience", defaultValue = "100", description = "early stopping patience in epochs")
    int patience;
    @Option(names = "--freeze", split = ",", defaultValue = "0", description = "freeze the first N layers, or the listed layers")
    List<Integer> freeze;
    @Option(names = "--save-period", defaultValue = "-1", description = "save a checkpoint every N epochs (< 1: never)")
    int savePeriod;
    @Option(names = "--seed", defaultValue = "0")
    long seed;
    @Option(names = "--events", defaultValue = "human", description = "human (progress lines) or jsonl (one JSON object per line, for the worker)")
    String events;

    @Override
    public Integer call() throws IOException {
        TrainListener listener;
        if ("jsonl".equals(events)) {
            listener = new JsonLinesListener(System.out);
        } else if ("human".equals(events)) {
            listener = new ConsoleListener(System.out);
        } else {
            throw new IllegalArgumentException("--events must be human or jsonl, got " + events);
        }
        Path resumePath = resume == null ? null : resume.isEmpty() ? latest(project) : Path.of(resume);
        if (resumePath == null && data == null) {
            throw new IllegalArgumentException("--data is required (a data.yaml), unless --resume continues a run");
        }
        TrainOptions opt = new TrainOptions(weights, cfg, data, hyp, epochs, batchSize, img, rect, resumePath, nosave, noval,
                noautoanchor, cache, imageWeights, device, multiScale, singleCls, optimizer, workers, project, name, existOk,
                cosLr, labelSmoothing, patience, freeze, savePeriod, seed);
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be >= 1");
        }
        StopSignal stop = new StopSignal().installShutdownHook(120);
        try {
            new Trainer(listener, stop).run(opt);
        } catch (RuntimeException e) {
            listener.onStatus("failed", e.getMessage());
            throw e;
        }
        return 0;
    }

    /** The most recently written last.safetensors under the project folder. */
    private static Path latest(Path project) throws IOException {
        if (!Files.isDirectory(project)) {
            throw new IllegalArgumentException("--resume: no runs under " + project);
        }
        try (Stream<Path> s = Files.walk(project, 3)) {
            return s.filter(p -> p.getFileName().toString().equals("last.safetensors"))
                    .max(Comparator.comparingLong(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalArgumentException("--resume: no last.safetensors under " + project));
        }
    }
}
