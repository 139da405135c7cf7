package dev.yolotrain.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code yolotrain} command; each engine feature is a subcommand. */
@Command(
        name = "yolotrain",
        mixinStandardHelpOptions = true,
        version = "yolotrain 0.1.0",
        description = "YOLOv5 training on DJL. Without a subcommand the jar starts the server.",
        subcommands = {ModelInfoCommand.class, EvalDetectionsCommand.class, CheckDatasetCommand.class, TrainCommand.class, ValCommand.class})
public final class YolotrainCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Parses and runs; returns the exit code. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new YolotrainCommand());
        cl.setExecutionExceptionHandler(
                (ex, cmd, parsed) -> {
                    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                    cmd.getErr().println("error: " + msg);
                    return 2;
                });
        return cl.execute(args);
    }
}
