package dev.yolotrain.engine.cli;

import dev.yolotrain.engine.config.ModelConfig;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelSummary;
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
        ModelSummary s = new ModelSummary(ModelBuilder.build(c), name, img);
        System.out.print(json ? JsonMapper.builder().build().writeValueAsString(s.toMap()) + "\n" : s.table());
        return 0;
    }
}
