package dev.storycore.enhance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.catalog.TestCatalogs;
import dev.storycore.enhance.model.store.FakeNpm;
import dev.storycore.enhance.model.store.ModelStore;
import dev.storycore.enhance.model.tfjs.TfjsModelFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogModelLoaderTest {
    @TempDir
    Path tmp;

    /** A x2 model: conv 3->12 then PixelShuffle2x, published as a fake npm package and listed in a test catalog. */
    private CatalogModelLoader loaderWithFetchedModel() throws Exception {
        Path modelDir = Files.createDirectories(tmp.resolve("src"));
        new TfjsModelFiles().inputLayer("LR")
                .conv("c1", "LR", 3, 12, 3, 3, "same", 1, "linear", true, new Random(5))
                .layer("PixelShuffle2x", "ps", TfjsModelFiles.config(), List.of("c1"))
                .write(modelDir, 9);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(modelDir)) {
            for (Path p : list.sorted().toList()) {
                files.put("models/x2/" + p.getFileName(), Files.readAllBytes(p));
            }
        }
        ModelCatalog catalog = new TestCatalogs().tfjs("tiny-x2", 2, "@test/tiny", "1.0.0", "models/x2", files, 1).build();
        ModelStore store = new ModelStore(tmp.resolve("cache"), new FakeNpm().publish("@test/tiny", "1.0.0", files));
        store.fetch(catalog.entries());
        return new CatalogModelLoader(catalog, store);
    }

    @Test
    void aCatalogModelIsConvertedOnceAndRunsAtItsScale() throws Exception {
        CatalogModelLoader loader = loaderWithFetchedModel();
        assertThat(loader.isAvailable("tiny-x2")).isTrue();
        assertThat(loader.isAvailable("nope")).isFalse();

        FloatTensor out;
        try (ImageModel model = loader.load("tiny-x2")) {
            assertThat(model.scale()).isEqualTo(2);
            assertThat(model.valueRange()).isEqualTo(ValueRange.UNIT);
            out = model.run(FloatTensor.zeros(1, 3, 6, 10));
            assertThat(out.shape()).containsExactly(1, 3, 12, 20);
        }
        Path onnxDir = loader.store().dir().resolve("onnx");
        List<Path> converted;
        try (Stream<Path> s = Files.list(onnxDir)) {
            converted = s.filter(p -> p.toString().endsWith(".onnx")).toList();
        }
        assertThat(converted).singleElement();
        long modified = Files.getLastModifiedTime(converted.get(0)).toMillis();

        Files.setLastModifiedTime(converted.get(0), java.nio.file.attribute.FileTime.fromMillis(modified - 10_000));
        try (ImageModel again = loader.load("tiny-x2")) {
            assertThat(again.run(FloatTensor.zeros(1, 3, 6, 10)).data()).containsExactly(out.data());
        }
        assertThat(Files.getLastModifiedTime(converted.get(0)).toMillis())
                .as("the cached conversion is reused, not rewritten").isEqualTo(modified - 10_000);
    }

    @Test
    void aDamagedConversionIsRedone() throws Exception {
        CatalogModelLoader loader = loaderWithFetchedModel();
        loader.load("tiny-x2").close();
        Path onnx;
        try (Stream<Path> s = Files.list(loader.store().dir().resolve("onnx"))) {
            onnx = s.filter(p -> p.toString().endsWith(".onnx")).findFirst().orElseThrow();
        }
        Files.write(onnx, new byte[] {1, 2, 3});
        try (ImageModel model = loader.load("tiny-x2")) {
            assertThat(model.run(FloatTensor.zeros(1, 3, 4, 4)).shape()).containsExactly(1, 3, 8, 8);
        }
    }

    @Test
    void aUserSuppliedOnnxFileOpensByPathWithItsScaleMeasured() throws Exception {
        CatalogModelLoader loader = loaderWithFetchedModel();
        loader.load("tiny-x2").close();
        Path onnx;
        try (Stream<Path> s = Files.list(loader.store().dir().resolve("onnx"))) {
            onnx = s.filter(p -> p.toString().endsWith(".onnx")).findFirst().orElseThrow();
        }
        Path user = Files.copy(onnx, tmp.resolve("my-model.onnx"));
        assertThat(loader.isAvailable(user.toString())).isTrue();
        try (ImageModel model = loader.load(user.toString())) {
            assertThat(model.scale()).isEqualTo(2);
            assertThat(model.run(FloatTensor.zeros(1, 3, 5, 7)).shape()).containsExactly(1, 3, 10, 14);
        }
        assertThatThrownBy(() -> loader.load(tmp.resolve("missing.onnx").toString()))
                .isInstanceOf(ModelNotFoundException.class);
        Path garbage = Files.write(tmp.resolve("garbage.onnx"), new byte[] {7, 7, 7});
        assertThatThrownBy(() -> loader.load(garbage.toString())).isInstanceOf(ModelException.class)
                .hasMessageContaining("garbage.onnx");
    }

    @Test
    void aTamperedWeightFileStopsTheLoad() throws Exception {
        CatalogModelLoader loader = loaderWithFetchedModel();
        var entry = loader.catalog().require("tiny-x2");
        Path weights = loader.store().pathOf(entry, entry.files(dev.storycore.enhance.model.catalog.ModelFile.WEIGHTS).get(0));
        byte[] bytes = Files.readAllBytes(weights);
        bytes[0] ^= 1;
        Files.write(weights, bytes);
        assertThat(loader.isAvailable("tiny-x2")).isFalse();
        assertThatThrownBy(() -> loader.load("tiny-x2"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(weights.getFileName().toString())
                .hasMessageContaining("refusing model tiny-x2");
    }
}
