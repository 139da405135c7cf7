package dev.yolotrain.engine.cli;

import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.ModelSummary;
import dev.yolotrain.engine.model.TransferReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code model-info}: the layer table, parameter count and GFLOPs of a model config (no LibTorch needed). */
@Command(name = "model-info", mixinStandardHelpOptions = true,
        description = "Layer table, parameters and GFLOPs of a yolov5*.yml (a file, or a built-in name: yolov5n/s/m/l/x, v4/yolov5s)")
final class ModelInfoCommand implements Callable<Integer> {

    @Option(names = "--cfg", required = true, description = "model yml file or built-in name")
    String cfg;

    @Option(names = "--nc", description = "number of classes (default: the yml's nc)")
    Integer nc;

    @Option(names = "--img", defaultValue = "640", description = "image size for GFLOPs (default: ${DEFAULT-VALUE})")
    int img;

    @Option(names = "--json", description = "print JSON instead of the table")
    boolean json;

    @Option(names = "--weights", description = "also load this state dict (.safetensors/.npz) or checkpoint into the model "
            + "by YOLOv5's transfer rule and report what was taken")
    java.nio.file.Path weights;

    @Override
    public Integer call() {
        if (img < 32 || img % 32 != 0) {
            throw new IllegalArgumentException("--img must be a positive multiple of 32, got " + img);
        }
        ModelConfig c = BuiltinModels.load(cfg);
        if (nc != null) {
            c = c.withNc(nc);
        }
        String name = c.source().replaceAll("\\.ya?ml$", "");
        ModelGraph graph = ModelBuilder.build(c);
        ModelSummary s = new ModelSummary(graph, name, img);
        java.util.Map<String, Object> out = s.toMap();
        if (!json) {
            System.out.print(s.table());
        }
        if (weights != null) {
            TransferReport r = WeightTransfer.check(graph, weights);
            if (json) {
                out.put("transfer", r);
            } else {
                System.out.println(r.line(weights.getFileName().toString()));
                r.excluded().forEach(k -> System.out.println("  excluded (anchors come from --cfg): " + k));
                r.shapeMismatch().forEach(k -> System.out.println("  shape differs: " + k));
                r.missing().forEach(k -> System.out.println("  not in file: " + k));
                r.unexpected().forEach(k -> System.out.println("  not in model: " + k));
            }
        }
        if (json) {
            System.out.println(JsonMapper.builder().build().writeValueAsString(out));
        }
        return 0;
    }
}
