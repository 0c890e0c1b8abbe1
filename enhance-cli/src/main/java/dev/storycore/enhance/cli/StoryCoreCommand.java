package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.EnhanceException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: the manual a user reads first. */
@Command(name = "storycore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "StoryCore Enhance: make video and images better with real neural networks and image processing.",
        description = {
            "",
            "Examples:",
            "  storycore demo                           # the bundled sample clip, x2",
            "  storycore enhance photo.jpg --upscale 4  # -> photo.x4.jpg",
            "  storycore enhance clip.mp4 -o hd.mp4     # video, x2, progress on stderr",
            "  storycore enhance photos/ --json         # folder -> photos.x2/",
            "  storycore analyze photo.jpg              # quality: 8 dimensions, issues, suggestions",
            "  storycore models fetch                   # default models (needs npm)",
            "  storycore bench pipeline --video samples/vtest-384x288.mp4",
            "  storycore train sr --scale 2 --preset fast  # train our own model",
            ""
        },
        footer = ExitCodes.FOOTER,
        subcommands = {
            CommandLine.HelpCommand.class,
            DemoCommand.class,
            EnhanceCommand.class,
            AnalyzeCommand.class,
            ModelsCommand.class,
            StylesCommand.class,
            BenchCommand.class
        })
public final class StoryCoreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The fully configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new StoryCoreCommand());
        cl.setExitCodeExceptionMapper(new ExitCodes.Mapper());
        cl.setExecutionExceptionHandler(StoryCoreCommand::handleExecutionException);
        cl.setUsageHelpAutoWidth(true);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Prints a one-line reason (the stack trace only with STORYCORE_DEBUG=1) and returns the mapped code. */
    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println("error: " + message);
        if (!(ex instanceof EnhanceException) || "1".equals(System.getenv("STORYCORE_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return cl.getExitCodeExceptionMapper().getExitCode(ex);
    }
}
