package dev.yolotrain;

import dev.yolotrain.engine.cli.YolotrainCommand;
import dev.yolotrain.service.ServerApplication;

/**
 * One jar, two faces: with a subcommand it runs the engine CLI (no Spring is loaded, so a
 * training child process starts fast); with no arguments or {@code server} it starts the service.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0 || "server".equals(args[0])) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            ServerApplication.start(rest);
            return;
        }
        System.exit(YolotrainCommand.run(args));
    }
}
