package dev.storycore.enhance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Parent of the measurement commands. Each child measures peers side by side in one run and prints
 * medians and ratios; the figures in docs/BENCHMARKS.md come from these commands.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        header = "Measure speed and quality (figures for docs/BENCHMARKS.md).",
        description = {
            "Each benchmark runs its peers side by side in one run and prints medians and ratios.",
            "Benchmarks are not tests: run one at a time, on an otherwise idle machine.",
            ""
        },
        footer = ExitCodes.FOOTER,
        subcommands = {
            IoMemoryBenchCommand.class,
            BenchPipelineCommand.class,
            BenchStyleCommand.class,
            BenchSrCommand.class,
            BenchSrMemoryCommand.class,
            BenchTfjsCommand.class,
            BenchTilesCommand.class,
            BenchQualityCommand.class,
            BenchInterpolateCommand.class
        })
final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
