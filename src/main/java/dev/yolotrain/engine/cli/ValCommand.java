package dev.yolotrain.engine.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.config.ConfigException;
import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.config.ModelConfigParser;
import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DataConfigParser;
import dev.yolotrain.engine.data.DatasetReport;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.eval.MetricsJson;
import dev.yolotrain.engine.eval.MetricsTable;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import dev.yolotrain.engine.train.Validator;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code val}: YOLOv5's val.py table for a checkpoint on a dataset split. */
@Command(name = "val", mixinStandardHelpOptions = true, description = "Validate weights on a dataset (YOLOv5's val.py table)")
final class ValCommand implements Callable<Integer> {
    @Option(names = "--weights", required = true, description = "a yolotrain checkpoint, or a state dict with --cfg")
    Path weights;
    @Option(names = "--data", required = true, description = "dataset data.yaml")
    Path data;
    @Option(names = "--cfg", description = "model yml, needed for a plain state dict")
    String cfg;
    @Option(names = {"--img", "--imgsz"}, defaultValue = "640")
    int img;
    @Option(names = "--batch-size", defaultValue = "32")
    int batchSize;
    @Option(names = "--task", defaultValue = "val", description = "split: train, val or test")
    String task;
    @Option(names = "--single-cls")
    boolean singleCls;
    @Option(names = "--workers", defaultValue = "8")
    int workers;
    @Option(names = "--json", description = "also print the metrics as JSON (last line)")
    boolean json;

    @Override
    public Integer call() {
        DataConfig dc = DataConfigParser.parse(data);
        DatasetReport report = DatasetScanner.builder().build().scan(dc).requireUsable();
        if (report.split(task) == null) {
            throw new ConfigException("--task " + task + ": the data.yaml has no such split");
        }
        List<String> names = singleCls ? List.of("item") : dc.names();
        WeightsFile w = WeightsFile.read(weights);
        ModelConfig mc;
        if (cfg != null) {
            mc = BuiltinModels.load(cfg);
        } else if (w.cfgYaml() != null) {
            mc = ModelConfigParser.parse(w.cfgYaml(), weights + " model yaml");
        } else {
            throw new ConfigException("--weights " + weights + " is a plain state dict: give --cfg too");
        }
        ModelGraph graph = ModelBuilder.build(mc.withNc(names.size()));
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
                DataLoader loader = DataLoader.builder().setImages(report.split(task).images()).setImageSize(img)
                        .setBatchSize(batchSize).optAugment(false).optRect(true).optPad(0.5).optShuffle(false)
                        .optWorkers(Math.max(1, workers)).optNumClasses(names.size()).optSingleCls(singleCls).build()) {
            YoloNet net = new YoloNet(graph);
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 32, 32));
            TransferReport r = StateDict.load(net, w.stateDict(), List.of());
            if (r.transferred() != r.total()) {
                throw new ConfigException(weights + " does not fit the model: " + r.line(weights.toString())
                        + (r.shapeMismatch().isEmpty() ? "" : "; shapes differ for " + r.shapeMismatch()));
            }
            Validator.Result vr = new Validator().run(net, loader, null, names, m);
            MetricsTable.lines(vr.metrics()).forEach(System.out::println);
            if (json) {
                System.out.println(MetricsJson.toJson(vr.metrics()));
            }
        }
        return 0;
    }
}
