package dev.yolotrain.engine.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.yolotrain.engine.checkpoint.WeightsFile;
import dev.yolotrain.engine.model.ModelGraph;
import dev.yolotrain.engine.model.StateDict;
import dev.yolotrain.engine.model.TransferReport;
import dev.yolotrain.engine.model.YoloNet;
import java.nio.file.Path;
import java.util.List;

/** Loads a weights file into a fresh model the way {@code train --weights --cfg} does, for reporting. */
final class WeightTransfer {
    private WeightTransfer() {}

    static TransferReport check(ModelGraph graph, Path file) {
        WeightsFile w = WeightsFile.read(file);
        try (NDManager m = NDManager.newBaseManager()) {
            YoloNet net = new YoloNet(graph);
            net.initialize(m, DataType.FLOAT32, new Shape(1, graph.inputChannels(), 64, 64));
            // a cfg is given, so anchors come from it (YOLOv5's rule)
            return StateDict.load(net, w.stateDict(), List.of("anchor"));
        }
    }
}
