package dev.storycore.enhance.model;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.model.store.ModelStore;
import dev.storycore.enhance.model.tfjs.TfjsLayersImporter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The production {@link ModelLoader}: catalog ids resolve through the {@link ModelStore} (files present
 * and SHA-256-verified), TF.js models are converted to ONNX once ({@code <model dir>/onnx/}), and the
 * result opens in ONNX Runtime. An id that is a path to an existing {@code .onnx} file opens that file
 * as a user-supplied model (values [0,1], scale measured by a probe run).
 */
public final class CatalogModelLoader implements ModelLoader {
    /** Tile edge suggested for user-supplied ONNX models, whose preference is unknown. */
    static final int USER_MODEL_TILE = 256;

    private final ModelCatalog catalog;
    private final ModelStore store;
    private final OnnxConversionCache conversions;

    public CatalogModelLoader(ModelCatalog catalog, ModelStore store) {
        this.catalog = catalog;
        this.store = store;
        this.conversions = new OnnxConversionCache(store);
    }

    /** The project catalog ({@link ModelCatalog#load()}) over the default model directory. */
    public static CatalogModelLoader openDefault() {
        return new CatalogModelLoader(ModelCatalog.load(), ModelStore.openDefault());
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public ModelStore store() {
        return store;
    }

    @Override
    public boolean isAvailable(String modelId) {
        if (isUserFile(modelId)) {
            return Files.isRegularFile(Path.of(modelId));
        }
        return catalog.find(modelId).map(store::isAvailable).orElse(false);
    }

    @Override
    public ImageModel load(String modelId) {
        if (isUserFile(modelId) && catalog.find(modelId).isEmpty()) {
            Path file = Path.of(modelId);
            if (!Files.isRegularFile(file)) {
                throw new ModelNotFoundException("ONNX model file " + file + " does not exist");
            }
            return OnnxImageModel.openUserModel(file, ValueRange.UNIT, USER_MODEL_TILE);
        }
        CatalogEntry entry = catalog.require(modelId);
        store.requireAll(entry);
        if (!entry.inputRange().equals(entry.outputRange())) {
            throw new ModelException("model " + modelId + " takes values in " + entry.inputRange() + " but produces "
                    + entry.outputRange() + "; image models here use one range for both");
        }
        Path onnx = switch (entry.format()) {
            case CatalogEntry.FORMAT_TFJS_LAYERS -> conversions.onnxFor(entry);
            case CatalogEntry.FORMAT_ONNX -> store.require(entry, entry.file(ModelFile.MODEL).orElseThrow(
                    () -> new ModelException("catalog entry " + modelId + " has no file with role 'model'")));
            default -> throw new ModelException("model " + modelId + " has format '" + entry.format()
                    + "', which this version cannot load (supported: tfjs-layers, onnx)");
        };
        return OnnxImageModel.open(onnx, entry.id(), entry.scale(), entry.inputRange(), entry.tile(),
                TfjsLayersImporter.INPUT_NAME, TfjsLayersImporter.OUTPUT_NAME);
    }

    private static boolean isUserFile(String modelId) {
        return modelId.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx");
    }
}
