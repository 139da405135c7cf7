package dev.yolotrain.engine.cli;

import dev.yolotrain.engine.eval.DetectionMetrics;
import dev.yolotrain.engine.eval.DetectionsFile;
import dev.yolotrain.engine.eval.InvalidInputException;
import dev.yolotrain.engine.eval.MetricsJson;
import dev.yolotrain.engine.eval.MetricsTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Scores final detections against ground truth from a JSON file, as YOLOv5's val.py would. */
@Command(
        name = "eval-detections",
        mixinStandardHelpOptions = true,
        description = {
            "Scores detections against ground truth (P, R, mAP50, mAP50-95) as YOLOv5's val.py does.",
            "Input: {\"names\": [...], \"images\": [{\"id\": ..., \"gt\": [[cls,x1,y1,x2,y2],...],"
                    + " \"pred\": [[x1,y1,x2,y2,conf,cls],...]}]} in pixels; predictions are final (after NMS).",
            "Exit codes: 0 scored, 2 bad input or usage."
        })
final class EvalDetectionsCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "detections JSON file")
    Path input;

    @Option(names = "--json", description = "also print the scores as one JSON object, the last line of stdout")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DetectionMetrics metrics;
        try {
            metrics = DetectionsFile.read(input).score();
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        MetricsTable.lines(metrics).forEach(out::println);
        if (json) {
            out.println(MetricsJson.toJson(metrics));
        }
        out.flush();
        return 0;
    }
}
