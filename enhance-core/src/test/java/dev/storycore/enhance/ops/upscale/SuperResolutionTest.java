package dev.storycore.enhance.ops.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.testing.FakeModelLoader;
import dev.storycore.enhance.testing.FakeSrModel;
import dev.storycore.enhance.testing.TestPictures;
import java.util.HashSet;
import java.util.Set;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class SuperResolutionTest {
    static final FakeModelLoader ALL_FAKES = FakeModelLoader.withFakes(
            "esrgan-slim-x2", "esrgan-slim-x3", "esrgan-slim-x4", "esrgan-slim-x8",
            "esrgan-medium-x2", "esrgan-thick-x2");

    @Test
    void tiledOutputEqualsTheWholePictureRun() {
        FakeSrModel whole = new FakeSrModel("esrgan-slim-x2", 2, 3, ValueRange.UNIT, 512);
        FakeSrModel tiled = new FakeSrModel("esrgan-slim-x2", 2, 3, ValueRange.UNIT, 512);
        try (Mat picture = TestPictures.texture(70, 53, CV_8UC3, 11);
             Mat a = new TiledUpscaler(whole, 512, 4).upscale(picture);
             Mat b = new TiledUpscaler(tiled, 16, 4).upscale(picture)) {
            assertThat(whole.runs()).isEqualTo(1);
            assertThat(tiled.runs()).isEqualTo(5 * 4);
            assertThat(TestPictures.maxAbsDiff(a, b)).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void networkEdgesEqualOneUnpaddedRunOfTheNetwork() {
        FakeSrModel model = new FakeSrModel("esrgan-slim-x2", 2, 3, ValueRange.UNIT, 512);
        try (Mat picture = TestPictures.texture(70, 53, CV_8UC3, 12);
             Mat unpadded = new TiledUpscaler(model, 512, 0).upscale(picture);
             Mat tiled = new TiledUpscaler(model, 16, 4, EdgeMode.NETWORK).upscale(picture);
             Mat reflected = new TiledUpscaler(model, 16, 4, EdgeMode.REFLECT).upscale(picture)) {
            assertThat(TestPictures.maxAbsDiff(unpadded, tiled)).isLessThanOrEqualTo(1.0);
            assertThat(TestPictures.maxAbsDiff(unpadded, reflected)).as("the fake pads with zeros").isGreaterThan(5.0);
        }
    }

    @Test
    void tooLittleOverlapShowsSeamsSoTheEqualityTestHasTeeth() {
        FakeSrModel model = new FakeSrModel("esrgan-slim-x2", 2, 3, ValueRange.UNIT, 512);
        try (Mat picture = TestPictures.texture(70, 53, CV_8UC3, 11);
             Mat a = new TiledUpscaler(model, 512, 4).upscale(picture);
             Mat b = new TiledUpscaler(model, 16, 1).upscale(picture)) {
            assertThat(TestPictures.maxAbsDiff(a, b)).isGreaterThan(5.0);
        }
    }

    @Test
    void tilingThroughTheOperationMatchesAndHoldsOneTileAtATime() {
        FakeSrModel wholeModel = new FakeSrModel("esrgan-slim-x2", 2, 2, ValueRange.BYTE, 64);
        FakeSrModel tiledModel = new FakeSrModel("esrgan-slim-x2", 2, 2, ValueRange.BYTE, 64);
        UpscaleConfig whole = UpscaleConfig.builder().scale(2).tile(256).overlap(8).build();
        UpscaleConfig tiled = UpscaleConfig.builder().scale(2).tile(32).overlap(8).build();
        try (SuperResolution a = SuperResolution.create(whole, new FakeModelLoader().with("esrgan-slim-x2", () -> wholeModel));
             SuperResolution b = SuperResolution.create(tiled, new FakeModelLoader().with("esrgan-slim-x2", () -> tiledModel));
             Frame in = Frame.of(TestPictures.texture(201, 97, CV_8UC3, 3));
             Frame outA = a.apply(in); Frame outB = b.apply(in)) {
            assertThat(TestPictures.maxAbsDiff(outA.image(), outB.image())).isLessThanOrEqualTo(1.0);
            // 201 x 97 in tiles of at most 32: 7 x 4 even cores of 29 x 25, each seen with 8 px around.
            assertThat(tiledModel.runs()).isEqualTo(7 * 4);
            assertThat(tiledModel.largestInput()).isEqualTo(3L * (29 + 16) * (25 + 16));
            assertThat(b.lastReport().orElseThrow().tile()).isEqualTo(32);
        }
    }

    @Test
    void alphaIsUpscaledSeparatelyAndKeepsATransparentHole() {
        try (Mat bgra = new Mat(40, 60, CV_8UC4, new Scalar(40, 120, 200, 255))) {
            try (Rect hole = new Rect(20, 10, 20, 20); Mat roi = new Mat(bgra, hole)) {
                roi.put(new Scalar(40, 120, 200, 0));
            }
            try (SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), ALL_FAKES);
                 Frame in = Frame.of(bgra.clone()); Frame out = sr.apply(in); Mat alpha = new Mat()) {
                assertThat(out.channels()).isEqualTo(4);
                assertThat(out.width()).isEqualTo(120);
                assertThat(sr.lastReport().orElseThrow().method()).isEqualTo(UpscaleMethod.MODEL);
                extractChannel(out.image(), alpha, 3);
                try (UByteIndexer a = alpha.createIndexer(); UByteIndexer px = out.image().createIndexer()) {
                    assertThat(a.get(40, 60)).as("centre of the hole").isEqualTo(0);
                    assertThat(a.get(5, 5)).as("opaque corner").isEqualTo(255);
                    assertThat(a.get(70, 110)).isEqualTo(255);
                    // Colour went through the network: its fake adds -0.02 to red, so R is 200 - 5.
                    assertThat(px.get(5, 5, 2)).isEqualTo(195);
                }
            }
        }
    }

    @Test
    void greyStaysGreyAndMatchesTheNetworkOnReplicatedChannels() {
        try (Mat grey = TestPictures.texture(33, 21, CV_8UC1, 9);
             SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), ALL_FAKES);
             Frame in = Frame.of(grey.clone()); Frame out = sr.apply(in);
             Mat bgr = new Mat(); Mat expected = new Mat()) {
            assertThat(out.channels()).isEqualTo(1);
            assertThat(out.width()).isEqualTo(66);
            cvtColor(grey, bgr, COLOR_GRAY2BGR);
            try (Mat up = new TiledUpscaler(FakeSrModel.of("x", 2), 64, UpscaleConfig.DEFAULT_OVERLAP).upscale(bgr)) {
                cvtColor(up, expected, COLOR_BGR2GRAY);
            }
            assertThat(TestPictures.maxAbsDiff(out.image(), expected)).isZero();
        }
    }

    @Test
    void sixteenBitInputKeepsPrecisionBeyondEightBits() {
        try (Mat ramp = TestPictures.ramp16(700, 3);
             SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2),
                     new FakeModelLoader().with("esrgan-slim-x2", () -> new FakeSrModel("esrgan-slim-x2", 2, 0, ValueRange.UNIT, 64)));
             Frame in = Frame.of(ramp.clone()); Frame out = sr.apply(in)) {
            assertThat(out.depth()).isEqualTo(CV_16U);
            assertThat(out.channels()).isEqualTo(1);
            assertThat(distinct16(out.image())).isGreaterThan(600);
        }
    }

    @Test
    void sixteenBitColourOnTheClassicalPathStays16Bit() {
        try (Mat colour = TestPictures.texture(50, 40, CV_16UC3, 4);
             SuperResolution sr = SuperResolution.create(UpscaleConfig.builder().scale(3).quality(Quality.PREVIEW).build(),
                     new FakeModelLoader());
             Frame in = Frame.of(colour.clone()); Frame out = sr.apply(in)) {
            assertThat(out.image().type()).isEqualTo(CV_16UC3);
            assertThat(out.width()).isEqualTo(150);
        }
    }

    @Test
    void missingModelFallsBackToLanczosFlaggedWithHowToFetch() {
        try (Mat picture = TestPictures.texture(30, 20, CV_8UC3, 1);
             SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), new FakeModelLoader());
             Frame in = Frame.of(picture.clone()); Frame out = sr.apply(in); Mat expected = new Mat()) {
            UpscaleReport report = sr.lastReport().orElseThrow();
            assertThat(report.method()).isEqualTo(UpscaleMethod.LANCZOS);
            assertThat(report.isClassicalFallback()).isTrue();
            assertThat(report.fallbackReason()).contains("esrgan-slim-x2").contains("./storycore models fetch esrgan-slim-x2");
            assertThat(report.describe()).contains("FALLBACK");
            resize(picture, expected, new org.bytedeco.opencv.opencv_core.Size(60, 40), 0, 0, INTER_LANCZOS4);
            assertThat(TestPictures.maxAbsDiff(out.image(), expected)).isZero();
        }
    }

    @Test
    void strictConfigurationRefusesAMissingModel() {
        UpscaleConfig strict = UpscaleConfig.builder().scale(4).allowClassicalFallback(false).build();
        try (SuperResolution sr = SuperResolution.create(strict, new FakeModelLoader())) {
            assertThatThrownBy(() -> sr.prepare(new Size(10, 10)))
                    .isInstanceOf(ModelNotFoundException.class)
                    .hasMessageContaining("./storycore models fetch esrgan-slim-x4");
        }
    }

    @Test
    void previewIsBicubicAndNotAFallback() {
        try (Mat picture = TestPictures.texture(30, 20, CV_8UC3, 2);
             SuperResolution sr = SuperResolution.create(UpscaleConfig.builder().scale(4).quality(Quality.PREVIEW).build(), ALL_FAKES);
             Frame in = Frame.of(picture.clone()); Frame out = sr.apply(in); Mat expected = new Mat()) {
            UpscaleReport report = sr.lastReport().orElseThrow();
            assertThat(report.method()).isEqualTo(UpscaleMethod.BICUBIC);
            assertThat(report.isFallback()).isFalse();
            resize(picture, expected, new org.bytedeco.opencv.opencv_core.Size(120, 80), 0, 0, INTER_CUBIC);
            assertThat(TestPictures.maxAbsDiff(out.image(), expected)).isZero();
        }
    }

    @Test
    void qualityLevelsPickTheirFamilyAndFallBackToSmallerNetworks() {
        FakeModelLoader onlySlimAndMedium = FakeModelLoader.withFakes("esrgan-slim-x2", "esrgan-medium-x2");
        Size in = new Size(20, 20);
        try (SuperResolution high = SuperResolution.create(UpscaleConfig.builder().quality(Quality.HIGH).build(), onlySlimAndMedium);
             SuperResolution max = SuperResolution.create(UpscaleConfig.builder().quality(Quality.MAXIMUM).build(), onlySlimAndMedium);
             SuperResolution std = SuperResolution.create(UpscaleConfig.builder().quality(Quality.STANDARD).build(), onlySlimAndMedium)) {
            assertThat(high.prepare(in).modelId()).isEqualTo("esrgan-medium-x2");
            assertThat(high.prepare(in).isFallback()).isFalse();
            UpscaleReport maximum = max.prepare(in);
            assertThat(maximum.modelId()).isEqualTo("esrgan-medium-x2");
            assertThat(maximum.isFallback()).isTrue();
            assertThat(maximum.isClassicalFallback()).isFalse();
            assertThat(maximum.fallbackReason()).contains("esrgan-thick-x2").contains("models fetch esrgan-thick-x2");
            assertThat(std.prepare(in).modelId()).isEqualTo("esrgan-slim-x2");
        }
    }

    @Test
    void explicitModelOverridesTheQualityLevel() {
        UpscaleConfig config = UpscaleConfig.builder().scale(2).model("esrgan-thick-x2").build();
        try (SuperResolution sr = SuperResolution.create(config, ALL_FAKES)) {
            assertThat(sr.prepare(new Size(8, 8)).modelId()).isEqualTo("esrgan-thick-x2");
        }
    }

    @Test
    void targetSizeIsExactThroughTheSmallestSufficientNetwork() {
        try (SuperResolution sr = SuperResolution.create(UpscaleConfig.builder().targetSize(173, 97).build(), ALL_FAKES);
             Frame in = Frame.of(TestPictures.texture(50, 30, CV_8UC3, 8)); Frame out = sr.apply(in)) {
            UpscaleReport report = sr.lastReport().orElseThrow();
            assertThat(new Size(out.width(), out.height())).isEqualTo(new Size(173, 97));
            assertThat(report.modelId()).isEqualTo("esrgan-slim-x4"); // needs x3.46
            assertThat(report.finalResize()).isEqualTo(UpscaleMethod.AREA);
        }
        try (SuperResolution sr = SuperResolution.create(UpscaleConfig.builder().targetSize(100, 0).build(), ALL_FAKES);
             Frame in = Frame.of(TestPictures.texture(10, 6, CV_8UC3, 8)); Frame out = sr.apply(in)) {
            assertThat(new Size(out.width(), out.height())).isEqualTo(new Size(100, 60));
            assertThat(sr.lastReport().orElseThrow().modelId()).isEqualTo("esrgan-slim-x8");
            assertThat(sr.lastReport().orElseThrow().finalResize()).isEqualTo(UpscaleMethod.LANCZOS);
        }
        try (SuperResolution sr = SuperResolution.create(UpscaleConfig.builder().targetSize(0, 15).build(), ALL_FAKES);
             Frame in = Frame.of(TestPictures.texture(40, 30, CV_8UC4, 8)); Frame out = sr.apply(in)) {
            assertThat(new Size(out.width(), out.height())).isEqualTo(new Size(20, 15));
            assertThat(out.channels()).isEqualTo(4);
            assertThat(sr.lastReport().orElseThrow().method()).isEqualTo(UpscaleMethod.AREA);
            assertThat(sr.lastReport().orElseThrow().isFallback()).isFalse();
        }
    }

    @Test
    void invalidConfigurationsAreRejectedNamingTheSetting() {
        assertThatThrownBy(() -> UpscaleConfig.builder().scale(5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--upscale").hasMessageContaining("5");
        assertThatThrownBy(() -> UpscaleConfig.builder().tile(8).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--tile");
        assertThatThrownBy(() -> UpscaleConfig.builder().scale(2).targetSize(100, 100).build())
                .hasMessageContaining("--upscale").hasMessageContaining("--width/--height");
        assertThatThrownBy(() -> UpscaleConfig.builder().targetSize(-3, 0).build()).hasMessageContaining("--width/--height");
        assertThatThrownBy(() -> UpscaleConfig.builder().scale(4).model("esrgan-slim-x2").build())
                .hasMessageContaining("--model esrgan-slim-x2").hasMessageContaining("--upscale 4");
        assertThatThrownBy(() -> UpscaleConfig.builder().quality(Quality.PREVIEW).model("esrgan-slim-x2").build())
                .hasMessageContaining("--quality preview");
        assertThatThrownBy(() -> UpscaleConfig.builder().overlap(-1).build()).hasMessageContaining("overlap");
        assertThatThrownBy(() -> Quality.parse("ultra")).hasMessageContaining("standard, high, maximum");
        assertThat(Quality.parse(" High ")).isEqualTo(Quality.HIGH);
    }

    @Test
    void unsupportedPicturesAreRejected() {
        try (SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), ALL_FAKES);
             Frame in = Frame.of(new Mat(4, 4, CV_32FC3, new Scalar(0.5)))) {
            assertThatThrownBy(() -> sr.apply(in)).isInstanceOf(InvalidInputException.class).hasMessageContaining("8 or 16 bits");
        }
    }

    @Test
    void aNetworkOfTheWrongScaleIsAModelError() {
        FakeModelLoader lying = new FakeModelLoader().with("esrgan-slim-x2", () -> new FakeSrModel("esrgan-slim-x2", 2, 1, ValueRange.UNIT, 64) {
            @Override
            public FloatTensor run(FloatTensor input) {
                return FloatTensor.zeros(1, 3, input.dim(2) * 3L, input.dim(3) * 3L);
            }
        });
        try (SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), lying);
             Frame in = Frame.of(TestPictures.texture(10, 10, CV_8UC3, 1))) {
            assertThatThrownBy(() -> sr.apply(in)).isInstanceOf(ModelException.class).hasMessageContaining("returned shape");
        }
    }

    @Test
    void closingTheOperationClosesItsNetworks() {
        FakeModelLoader loader = FakeModelLoader.withFakes("esrgan-slim-x2");
        SuperResolution sr = SuperResolution.create(UpscaleConfig.x(2), loader);
        sr.prepare(new Size(8, 8));
        sr.prepare(new Size(9, 8));
        assertThat(loader.loaded()).hasSize(1);
        sr.close();
        assertThat(((FakeSrModel) loader.loaded().get(0)).isClosed()).isTrue();
    }

    private static int distinct16(Mat m) {
        Set<Integer> values = new HashSet<>();
        try (UShortIndexer idx = m.createIndexer()) {
            for (int y = 0; y < m.rows(); y++) {
                for (int x = 0; x < m.cols(); x++) {
                    values.add(idx.get(y, x));
                }
            }
        }
        return values.size();
    }
}
