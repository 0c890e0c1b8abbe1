package dev.storycore.enhance.train;

import dev.storycore.enhance.cli.StoryCoreCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code storycore-train.jar}: the full command line plus {@code train}. It is a separate
 * jar so that PyTorch (≈ 450 MB of native code) never rides along with the engine or the normal CLI;
 * the {@code ./storycore} launcher sends {@code train ...} here.
 */
public final class TrainMain {
    private TrainMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // DJL logs engine details at INFO and a harmless CUDA probe failure at WARN on CPU-only machines.
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        System.exit(commandLine().execute(args));
    }

    /** The CLI with the {@code train} command added (shared with the tests). */
    public static CommandLine commandLine() {
        CommandLine cl = StoryCoreCommand.commandLine();
        cl.addSubcommand("train", new CommandLine(new TrainCommand()));
        // picocli copies these settings to the subcommands that exist when they are set: set them again.
        cl.setExitCodeExceptionMapper(cl.getExitCodeExceptionMapper());
        cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
