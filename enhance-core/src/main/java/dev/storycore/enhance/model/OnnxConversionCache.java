package dev.storycore.enhance.model;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.store.ModelStore;
import dev.storycore.enhance.model.store.Sha256;
import dev.storycore.enhance.model.tfjs.TfjsLayersImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;

/**
 * Converted models in {@code <model dir>/onnx/}: a TF.js model is converted once and the .onnx file is
 * reused. The file name carries a key made of the source files' SHA-256 values and the converter
 * version, so new weights or a new converter produce a new file. A ".sha256" file beside each model
 * guards against a damaged or edited conversion, which is then simply converted again.
 */
final class OnnxConversionCache {
    private final ModelStore store;

    OnnxConversionCache(ModelStore store) {
        this.store = store;
    }

    /** The ONNX file for a verified catalog entry, converting it first when needed. */
    synchronized Path onnxFor(CatalogEntry entry) {
        Path topology = store.require(entry, entry.file(ModelFile.TOPOLOGY).orElseThrow(
                () -> new ModelException("catalog entry " + entry.id() + " has no topology file")));
        entry.files(ModelFile.WEIGHTS).forEach(f -> store.require(entry, f));
        String key = Sha256.of(TfjsLayersImporter.CONVERTER_VERSION + "\n" + entry.networkFiles().stream()
                .map(f -> f.path() + "=" + f.sha256()).sorted().collect(Collectors.joining("\n")));
        Path onnx = store.dir().resolve("onnx").resolve(entry.id() + "-" + key.substring(0, 16) + ".onnx");
        Path digest = onnx.resolveSibling(onnx.getFileName() + ".sha256");
        try {
            if (Files.isRegularFile(onnx) && Files.isRegularFile(digest)
                    && Files.readString(digest, StandardCharsets.UTF_8).strip().equals(Sha256.of(onnx))) {
                return onnx;
            }
            byte[] model = TfjsLayersImporter.convert(topology, entry.id());
            Files.createDirectories(onnx.getParent());
            Path tmp = Files.createTempFile(onnx.getParent(), entry.id(), ".part");
            try {
                Files.write(tmp, model);
                Files.move(tmp, onnx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Files.writeString(digest, Sha256.of(model) + "\n", StandardCharsets.UTF_8);
            return onnx;
        } catch (IOException e) {
            throw new ModelException("cannot write the converted model " + onnx + ": " + e.getMessage()
                    + "; set " + ModelStore.DIR_ENV + " to a writable folder", e);
        }
    }

}
