package dev.yolotrain.engine.cli;

import picocli.CommandLine.Command;

@Command(name = "model-info", description = "Layer table, parameters and GFLOPs of a yolov5*.yml")
final class ModelInfoCommand implements Runnable {
    @Override
    public void run() {}
}
