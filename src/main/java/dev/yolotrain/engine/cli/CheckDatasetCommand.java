package dev.yolotrain.engine.cli;

import dev.yolotrain.engine.data.DataConfig;
import dev.yolotrain.engine.data.DataConfigParser;
import dev.yolotrain.engine.data.DatasetException;
import dev.yolotrain.engine.data.DatasetReport;
import dev.yolotrain.engine.data.DatasetReportJson;
import dev.yolotrain.engine.data.DatasetReportText;
import dev.yolotrain.engine.data.DatasetScanner;
import dev.yolotrain.engine.data.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Scans and checks a YOLO dataset as YOLOv5's training would, and reports what it found. */
@Command(
        name = "check-dataset",
        mixinStandardHelpOptions = true,
        description = {
            "Scans the splits of a data.yaml and checks every image and label file, as YOLOv5 does before training:",
            "images found, missing/empty labels (backgrounds), corrupt images or labels (skipped, with the reason),",
            "duplicate rows removed, instances per class. The scan is cached next to each split's labels folder.",
            "Exit codes: 0 usable, 1 fatal problems (unreadable data.yaml, missing split, class id >= nc), 2 usage."
        })
final class CheckDatasetCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "the dataset's data.yaml")
    Path data;

    @Option(names = "--json", description = "print the report as one JSON object, the last line of stdout")
    boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "threads that check images (default: min(8, CPUs))")
    Integer workers;

    @Option(names = "--no-cache", description = "neither read nor write the scan cache")
    boolean noCache;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetReport report;
        try {
            DataConfig config = DataConfigParser.parse(data);
            DatasetScanner.Builder b = DatasetScanner.builder().optCache(!noCache);
            if (workers != null) {
                b.optWorkers(workers);
            }
            report = b.build().scan(config);
        } catch (DatasetException | IllegalArgumentException | IllegalStateException e) {
            if (json) {
                out.println(DatasetReportJson.error(e.getMessage()));
                out.flush();
            }
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        DatasetReportText.lines(report).forEach(out::println);
        if (json) {
            out.println(DatasetReportJson.toJson(report));
        }
        out.flush();
        for (Problem p : report.fatal()) {
            err.println("error: " + p);
        }
        err.flush();
        return report.hasFatal() ? 1 : 0;
    }
}
