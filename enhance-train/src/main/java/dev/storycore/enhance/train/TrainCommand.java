package dev.storycore.enhance.train;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storycore train}: trains the project's own models (only the training jar carries this command). */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        header = "Train the project's own neural models on the CPU (DJL + PyTorch, offline).",
        description = {
            "",
            "Examples:",
            "  storycore train sr --scale 2 --preset fast --minutes 240     train, checkpoint, validate on Set5",
            "  storycore train sr --scale 2 --preset fast --steps 20000     a fixed schedule (reproducible)",
            "  (run the same command again to resume an interrupted run; --fresh starts over)",
            ""
        },
        subcommands = {TrainSrCommand.class})
public final class TrainCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
