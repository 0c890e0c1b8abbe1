package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.store.ModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsCommandTest {
    @TempDir
    Path modelDir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = StoryCoreCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void listShowsEveryModelWithTaskScaleLicenceAndWhetherItIsFetched() {
        Run r = run("models", "list", "--model-dir", modelDir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ID", "TASK", "SCALE", "LICENCE", "FETCHED");
        assertThat(r.out()).containsPattern("esrgan-slim-x2 \\*\\s+super-resolution\\s+x2\\s+MIT\\s+[0-9.]+ MB\\s+no");
        assertThat(r.out()).contains("esrgan-thick-x8", "default-model-x2", modelDir.toString());
    }

    @Test
    void verifyExitsWithTheModelCodeAndNamesTheFileWhenACachedFileWasChanged() throws Exception {
        ModelCatalog catalog = ModelCatalog.load();
        CatalogEntry slim = catalog.require("esrgan-slim-x2");
        ModelFile topology = slim.file(ModelFile.TOPOLOGY).orElseThrow();
        Path file = new ModelStore(modelDir, null).pathOf(slim, topology);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"not\": \"the real model\"}");

        Run r = run("models", "verify", "esrgan-slim-x2", "--model-dir", modelDir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.err()).contains("models/x2/model.json", "SHA-256 mismatch");
        assertThat(r.out()).contains("esrgan-slim-x2", "FAILED");
    }

    @Test
    void verifyWithoutIdsPassesWhenNothingIsFetchedAndSaysSo() {
        Run r = run("models", "verify", "--model-dir", modelDir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("esrgan-slim-x2", "not fetched", "0 model(s) verified, 0 failed");
    }

    @Test
    void fetchingAnUnknownModelIsAModelProblem() {
        Run r = run("models", "fetch", "esrgan-huge-x2", "--model-dir", modelDir.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.MODEL);
        assertThat(r.err()).contains("unknown model 'esrgan-huge-x2'");
    }

    @Test
    void everyModelsCommandHasHelp() {
        for (String sub : new String[] {"list", "fetch", "verify"}) {
            Run r = run("models", sub, "--help");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage: storycore models " + sub, "--model-dir", "Exit codes");
        }
        assertThat(run("models", "--help").out()).contains("list", "fetch", "verify");
    }
}
