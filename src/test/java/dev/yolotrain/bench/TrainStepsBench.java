package dev.yolotrain.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.loss.LossHyp;
import dev.yolotrain.engine.loss.LossResult;
import dev.yolotrain.engine.loss.YoloLoss;
import dev.yolotrain.engine.model.BuiltinModels;
import dev.yolotrain.engine.model.ModelBuilder;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.YoloNet;
import dev.yolotrain.engine.train.optim.GradClip;
import dev.yolotrain.engine.train.optim.LrSchedule;
import dev.yolotrain.engine.train.optim.ModelEma;
import dev.yolotrain.engine.train.optim.NominalBatch;
import dev.yolotrain.engine.train.optim.OptimizerKind;
import dev.yolotrain.engine.train.optim.ParamGroups;
import dev.yolotrain.engine.train.optim.Warmup;
import dev.yolotrain.engine.train.optim.YoloOptimizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Native-memory check of the training step: N full YOLOv5 steps (forward, loss, backward, clip,
 * SGD-nesterov with warmup, EMA) on random images, printing step time and process RSS.
 * Usage: bench/train-steps [model] [batch] [img] [steps]
 */
public final class TrainStepsBench {
    public static void main(String[] args) throws Exception {
        String model = args.length > 0 ? args[0] : "yolov5s";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int img = args.length > 2 ? Integer.parseInt(args[2]) : 640;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        int nc = 3;
        Engine.getInstance().setRandomSeed(0);
        ModelGraph g = ModelBuilder.build(BuiltinModels.load(model).withNc(nc));
        Hyp hyp = Hyp.defaults();
        Random rnd = new Random(0);
        try (NDManager root = NDManager.newBaseManager()) {
            YoloNet net = new YoloNet(g);
            net.initialize(root, DataType.FLOAT32, new Shape(1, 3, img, img));
            YoloNet emaNet = new YoloNet(g);
            emaNet.initialize(root, DataType.FLOAT32, new Shape(1, 3, img, img));
            ModelEma ema = new ModelEma(emaNet, net);
            ParamGroups groups = ParamGroups.of(net, List.of());
            double wd = NominalBatch.scaledWeightDecay(hyp.get("weight_decay"), batch);
            int accumulate = NominalBatch.accumulate(batch);
            LrSchedule schedule = LrSchedule.of(false, 300, hyp.get("lrf"));
            Warmup warmup = new Warmup(hyp.get("warmup_epochs"), 100, batch, hyp.get("lr0"), hyp.get("momentum"),
                    hyp.get("warmup_momentum"), hyp.get("warmup_bias_lr"), schedule);
            NDArray anchors = net.anchors().getArray();
            YoloLoss loss = YoloLoss.forTraining(LossHyp.scratchLow(), nc, img, anchors);
            ParameterStore ps = new ParameterStore(root, false);
            System.out.printf(Locale.ROOT, "%s nc=%d batch=%d img=%d accumulate=%d, %d parameters%n", model, nc, batch, img,
                    accumulate, g.parameterCount());
            System.out.printf(Locale.ROOT, "%5s %9s %9s %9s %9s %9s %9s %9s %9s%n", "step", "ms", "loss", "rss_MB", "opt_step", "ema", "arrays",
                    "heap_MB", "direct_MB");
            try (YoloOptimizer opt = YoloOptimizer.create(OptimizerKind.SGD, groups, net.namedParameters(), hyp.get("lr0"),
                    hyp.get("momentum"), wd)) {
                long lastOptStep = -1;
                double rssWarm = 0;
                for (int i = 0; i < steps; i++) {
                    long t0 = System.nanoTime();
                    warmup.apply(opt, i, 0);
                    int acc = warmup.accumulate(i);
                    float total;
                    try (NDManager step = root.newSubManager()) {
                        NDArray images = step.randomUniform(0, 1, new Shape(batch, 3, img, img));
                        NDArray targets = step.create(randomTargets(rnd, batch, nc), new Shape(batch * 4L, 6));
                        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                            NDList preds = net.forward(ps, new NDList(images), true);
                            LossResult r = loss.compute(preds, targets);
                            gc.backward(r.total());
                            total = r.total().getFloat();
                        }
                    }
                    boolean stepped = false;
                    if (i - lastOptStep >= acc) {
                        GradClip.clipNorm(opt.parameters(), 10.0);
                        opt.step();
                        ema.update(net);
                        lastOptStep = i;
                        stepped = true;
                    }
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double rss = rssMb();
                    if (i == 9) {
                        rssWarm = rss;
                    }
                    System.out.printf(Locale.ROOT, "%5d %9.0f %9.4f %9.0f %9s %9d %9d %9.0f %9.1f%n", i + 1, ms, total, rss,
                            stepped ? "yes" : "-", ema.updates(), root.getManagedArrays().size(),
                            Runtime.getRuntime().totalMemory() / 1048576.0, directMb());
                }
                double end = rssMb();
                System.out.printf(Locale.ROOT, "RSS after warm-up (step 10): %.0f MB, after step %d: %.0f MB, growth %.0f MB%n",
                        rssWarm, steps, end, end - rssWarm);
            }
        }
    }

    private static float[] randomTargets(Random rnd, int batch, int nc) {
        float[] t = new float[batch * 4 * 6];
        int k = 0;
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < 4; j++) {
                float w = 0.05f + rnd.nextFloat() * 0.4f;
                float h = 0.05f + rnd.nextFloat() * 0.4f;
                t[k++] = b;
                t[k++] = rnd.nextInt(nc);
                t[k++] = w / 2 + rnd.nextFloat() * (1 - w);
                t[k++] = h / 2 + rnd.nextFloat() * (1 - h);
                t[k++] = w;
                t[k++] = h;
            }
        }
        return t;
    }

    private static double directMb() {
        double b = 0;
        for (var pool : java.lang.management.ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class)) {
            b += pool.getMemoryUsed();
        }
        return b / 1048576.0;
    }

    private static double rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }
}
