package dev.storycore.enhance.cli;

import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code storycore models list}: every catalog model and whether it is fetched. */
@Command(name = "list", mixinStandardHelpOptions = true,
        header = "List every known model: id, task, scale, licence, size, fetched yes/no.",
        description = "'fetched' means every file is in the model cache with its catalog SHA-256."
                + " Models marked * are in the default set that 'models fetch' gets without ids.",
        footer = ExitCodes.FOOTER)
final class ModelsListCommand implements Callable<Integer> {
    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CatalogModelLoader loader = modelDir.loader();
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-20s %-17s %5s  %-7s %8s  %-7s %s%n";
        out.printf(Locale.ROOT, format, "ID", "TASK", "SCALE", "LICENCE", "SIZE", "FETCHED", "SOURCE");
        for (CatalogEntry e : loader.catalog().entries()) {
            long bytes = e.networkFiles().stream().mapToLong(ModelFile::bytes).sum();
            out.printf(Locale.ROOT, format, e.id() + (e.fetchByDefault() ? " *" : ""), e.task(), "x" + e.scale(),
                    e.licence().spdx(), String.format(Locale.ROOT, "%.1f MB", bytes / 1e6),
                    loader.store().isAvailable(e) ? "yes" : "no",
                    e.source().spec() + (e.identicalTo() == null ? "" : " (identical to " + e.identicalTo() + ")"));
        }
        out.printf("%nModel cache: %s%nCatalog: %s%n", loader.store().dir(), loader.catalog().origin());
        out.flush();
        return ExitCodes.OK;
    }
}
