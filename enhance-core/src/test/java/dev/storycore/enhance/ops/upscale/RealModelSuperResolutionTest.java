package dev.storycore.enhance.ops.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.testing.SharedData;
import dev.storycore.enhance.testing.TestPictures;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operation with the real UpscalerJS networks (converted to ONNX). Each case is skipped, with a
 * message saying how to fetch the model, when the model is not in the model directory.
 */
class RealModelSuperResolutionTest {
    private static CatalogModelLoader loader;

    @BeforeAll
    static void openStore() {
        loader = CatalogModelLoader.openDefault();
    }

    @AfterAll
    static void forget() {
        loader = null;
    }

    static Stream<Arguments> goldenCases() {
        // thick is left to the model-level EsrganGoldenTest: through tiles it takes a minute on 2 cores.
        return Stream.of("esrgan-slim-x2", "esrgan-slim-x4", "esrgan-medium-x2")
                .map(Arguments::of);
    }

    /**
     * The package's own result on its fixture, reproduced through the whole operation (translator and
     * 3x3 tiling with overlap) rather than one bare network run: tiling leaves no seams against the
     * original runtime either. NETWORK edges, because the original runtime lets the network see the
     * picture's true edge.
     */
    @ParameterizedTest
    @MethodSource("goldenCases")
    void tiledOperationReproducesThePackagesOwnResult(String modelId) {
        requireFetched(modelId);
        CatalogEntry entry = loader.catalog().require(modelId);
        Path fixture = loader.store().require(entry, entry.file(ModelFile.GOLDEN_INPUT).orElseThrow());
        Path expectedFile = loader.store().require(entry, entry.file(ModelFile.GOLDEN_EXPECTED).orElseThrow());
        UpscaleConfig config = UpscaleConfig.builder().scale(entry.scale()).model(modelId).tile(48).overlap(16)
                .edges(EdgeMode.NETWORK).allowClassicalFallback(false).build();
        try (Mat input = imread(fixture.toString(), IMREAD_COLOR); Mat expected = imread(expectedFile.toString(), IMREAD_COLOR);
             SuperResolution sr = SuperResolution.create(config, loader);
             Frame in = Frame.of(input.clone()); Frame out = sr.apply(in)) {
            UpscaleReport report = sr.lastReport().orElseThrow();
            assertThat(report.modelId()).isEqualTo(modelId);
            assertThat(report.isFallback()).isFalse();
            double maxDiff = TestPictures.maxAbsDiff(out.image(), expected);
            System.out.printf("golden through the operation, %s, tiles 48+16: max |diff| %.0f%n", modelId, maxDiff);
            assertThat(maxDiff).as("largest difference to the package's own result").isLessThanOrEqualTo(2.0);
        }
    }

    /** With the default reflected edges, tiles of 32 give the same picture as one whole run. */
    @ParameterizedTest
    @ValueSource(strings = {"esrgan-slim-x2", "esrgan-medium-x2"})
    void tiledEqualsWholeOnAPhoto(String modelId) {
        requireFetched(modelId);
        try (Mat picture = photoCrop("sr/Set14/comic.png", 120, 96);
             SuperResolution whole = SuperResolution.create(UpscaleConfig.builder().model(modelId).tile(512).build(), loader);
             SuperResolution tiled = SuperResolution.create(UpscaleConfig.builder().model(modelId).tile(32).build(), loader);
             Frame in = Frame.of(picture.clone()); Frame a = whole.apply(in); Frame b = tiled.apply(in)) {
            double maxDiff = TestPictures.maxAbsDiff(a.image(), b.image());
            System.out.printf("%s tiles 32+%d vs whole: max |diff| %.0f%n", modelId, UpscaleConfig.DEFAULT_OVERLAP, maxDiff);
            assertThat(maxDiff).isLessThanOrEqualTo(1.0);
        }
    }

    private static Mat photoCrop(String relative, int w, int h) {
        Optional<Path> photo = SharedData.file(relative);
        if (photo.isEmpty()) {
            System.out.println("benchmark data not found (../shared/data): using a synthetic texture instead of " + relative);
            return TestPictures.texture(w, h, CV_8UC3, 42);
        }
        try (Mat full = imread(photo.get().toString(), IMREAD_COLOR); Rect r = new Rect(0, 0, w, h); Mat roi = new Mat(full, r)) {
            return roi.clone();
        }
    }

    private static void requireFetched(String modelId) {
        assumeTrue(loader.isAvailable(modelId), () -> "SKIPPED: model " + modelId + " is not fetched into "
                + loader.store().dir() + "; run ./storycore models fetch " + modelId);
    }
}
