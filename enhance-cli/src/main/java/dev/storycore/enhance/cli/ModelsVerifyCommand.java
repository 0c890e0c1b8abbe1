package dev.storycore.enhance.cli;

import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.store.FileCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code storycore models verify [ID...]}: re-hashes cached model files. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        header = "Re-hash the cached model files against the catalog; exit 4 on any mismatch.",
        description = {
            "Without ids, checks every model that has files in the cache (models never fetched are listed,",
            "not failed). With ids, each named model must be fetched and intact."
        },
        footer = ExitCodes.FOOTER)
final class ModelsVerifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "Model ids to check (default: all fetched).")
    List<String> ids = new ArrayList<>();

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CatalogModelLoader loader = modelDir.loader();
        List<CatalogEntry> entries = ids.isEmpty() ? loader.catalog().entries()
                : ids.stream().map(loader.catalog()::require).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int ok = 0;
        int bad = 0;
        for (CatalogEntry e : entries) {
            List<FileCheck> checks = loader.store().verify(e);
            boolean none = checks.stream().allMatch(c -> c.status() == FileCheck.Status.MISSING);
            if (none && ids.isEmpty()) {
                out.printf("%-20s not fetched%n", e.id());
                continue;
            }
            List<FileCheck> problems = checks.stream().filter(c -> !c.ok()).toList();
            if (problems.isEmpty()) {
                out.printf("%-20s ok (%d files)%n", e.id(), checks.size());
                ok++;
            } else {
                out.printf("%-20s FAILED%n", e.id());
                problems.forEach(p -> err.println("  " + e.id() + ": " + p.describe()));
                bad++;
            }
        }
        out.printf("%d model(s) verified, %d failed, cache %s%n", ok, bad, loader.store().dir());
        if (bad > 0) {
            err.println("error: some model files are missing or changed; run 'storycore models fetch ID' to replace them");
        }
        out.flush();
        err.flush();
        return bad > 0 ? ExitCodes.MODEL : ExitCodes.OK;
    }
}
