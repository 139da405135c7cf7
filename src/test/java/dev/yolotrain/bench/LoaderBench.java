package dev.yolotrain.bench;

import dev.yolotrain.engine.config.Hyp;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.LabeledImage;
import dev.yolotrain.engine.data.SplitReport;
import dev.yolotrain.engine.data.loader.Batch;
import dev.yolotrain.engine.data.loader.DataLoader;
import dev.yolotrain.engine.data.loader.Epoch;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Training-loader throughput: mosaic on, default hyp, shuffle, batches of B at size S with T worker
 * threads; W warm-up batches, then N timed ones, each taken as floats. Prints one RESULT line (wall and process CPU time).
 * Usage: bench/loader (which also runs YOLOv5's loader); directly:
 * LoaderBench IMAGES_DIR THREADS [batches=8] [warmup=2] [batch=64] [img=640] [cache=false]
 * (-Dbench.threads=true also prints the CPU time of each Java thread)
 */
public final class LoaderBench {
    public static void main(String[] args) {
        Path images = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 64;
        int img = args.length > 5 ? Integer.parseInt(args[5]) : 640;
        boolean cache = args.length > 6 && Boolean.parseBoolean(args[6]);
        SplitReport split = DatasetScanner.builder().optCache(false).build().scanSplit("train", List.of(images), 1000);
        List<LabeledImage> data = split.images();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (DataLoader loader = DataLoader.builder().setImages(data).setImageSize(img).setBatchSize(batch)
                .optHyp(Hyp.defaults()).optAugment(true).optShuffle(true).optSeed(0).optWorkers(threads)
                .optCacheRam(cache).build()) {
            long t0 = 0;
            long c0 = 0;
            int done = 0;
            int counted = 0;
            for (int e = 0; done < warmup + batches; e++) {
                try (Epoch ep = loader.epoch(e)) {
                    while (ep.hasNext() && done < warmup + batches) {
                        try (Batch b = ep.next()) {
                            // the float batch in [0, 1] (the loader's contract), though the trainer itself takes
                            // the bytes and scales them on its device
                            float[] floats = b.images();
                            if (done >= warmup) {
                                counted += floats.length / (3 * b.height() * b.width());
                            }
                        }
                        done++;
                        if (done == warmup) {
                            t0 = System.nanoTime();
                            c0 = os.getProcessCpuTime();
                        }
                    }
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            if (Boolean.getBoolean("bench.threads")) {
                var tb = ManagementFactory.getThreadMXBean();
                for (long id : tb.getAllThreadIds()) {
                    var info = tb.getThreadInfo(id);
                    if (info != null) {
                        System.out.printf(Locale.ROOT, "thread %-40s cpu %.2f s%n", info.getThreadName(), tb.getThreadCpuTime(id) / 1e9);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "RESULT java threads=%d images=%d wall_s=%.3f cpu_s=%.3f img_per_s=%.2f img_per_cpu_s=%.2f%n",
                    threads, counted, wall, cpu, counted / wall, counted / cpu);
        }
    }
}
