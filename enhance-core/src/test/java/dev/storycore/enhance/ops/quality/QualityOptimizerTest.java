package dev.storycore.enhance.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.measure.ImageQuality;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class QualityOptimizerTest {
    private final QualityOptimizer optimizer = QualityOptimizer.create();

    @Test
    void automaticModeDenoisesANoisyPictureTowardTheClean() {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat noisy = Degradation.GAUSSIAN_NOISE_25.apply(clean, 3);
             OptimizationResult r = optimizer.optimize(noisy)) {
            assertThat(r.applied()).extracting(Suggestion::type).contains(CorrectionType.DENOISE);
            assertThat(ImageQuality.psnr(clean, r.image())).isGreaterThan(ImageQuality.psnr(clean, noisy) + 5);
            assertThat(ImageQuality.ssim(clean, r.image())).isGreaterThan(ImageQuality.ssim(clean, noisy) + 0.2);
            assertThat(r.after().score(QualityDimension.NOISE)).isGreaterThan(r.before().score(QualityDimension.NOISE));
        }
    }

    @Test
    void automaticModeRemovesAColourCast() {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat cast = Degradation.COLOUR_CAST.apply(clean, 0);
             OptimizationResult r = optimizer.optimize(cast)) {
            assertThat(r.applied()).extracting(Suggestion::type).containsExactly(CorrectionType.WHITE_BALANCE);
            assertThat(ImageQuality.psnr(clean, r.image())).isGreaterThan(ImageQuality.psnr(clean, cast) + 3);
            assertThat(ImageQuality.ssim(clean, r.image())).isGreaterThan(ImageQuality.ssim(clean, cast));
        }
    }

    @Test
    void doesNoHarmToACleanWellExposedPicture() {
        try (Mat clean = QualityPictures.scene(480, 320); OptimizationResult r = optimizer.optimize(clean)) {
            assertThat(ImageQuality.psnr(clean, r.image())).isGreaterThanOrEqualTo(40);
            assertThat(QualityAnalyzer.create().analyze(r.image()).overall()).isGreaterThanOrEqualTo(r.before().overall());
        }
    }

    @Test
    void neverLowersTheOverallScoreOnAnyDegradation() {
        try (Mat clean = QualityPictures.scene(360, 240)) {
            for (Degradation d : Degradation.values()) {
                try (Mat bad = d.apply(clean, 5); OptimizationResult r = optimizer.optimize(bad)) {
                    double after = QualityAnalyzer.create().analyze(r.image()).overall();
                    assertThat(after).as(d.id()).isGreaterThanOrEqualTo(r.before().overall());
                }
            }
        }
    }

    @Test
    void aDeliberatelyDesaturatedFrameKeepsItsLookUnlessAsked() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat grey = new Mat(); Mat mono = new Mat()) {
            cvtColor(clean, grey, COLOR_BGR2GRAY);
            cvtColor(grey, mono, COLOR_GRAY2BGR);
            // a sepia-like tint on a monochrome frame: a "cast" by the measure, a style by intent
            try (Mat sepia = tint(mono); OptimizationResult kept = optimizer.optimize(sepia)) {
                assertThat(kept.before().style()).contains(StyleTrait.DESATURATED);
                assertThat(optimizer.suggest(kept.before())).extracting(Suggestion::type)
                        .doesNotContain(CorrectionType.WHITE_BALANCE);
                assertThat(ImageQuality.psnr(sepia, kept.image())).isGreaterThanOrEqualTo(40);
                // asked for: the style-blind optimiser offers the white balance, and selective mode applies it
                Suggestion wb = optimizer.ignoringStyle().suggest(kept.before()).stream()
                        .filter(x -> x.type() == CorrectionType.WHITE_BALANCE).findFirst().orElseThrow();
                try (OptimizationResult fixed = optimizer.apply(sepia, List.of(wb))) {
                    assertThat(fixed.after().measurements().illuminantAngle())
                            .isLessThan(kept.before().measurements().illuminantAngle() / 2);
                }
            }
        }
    }

    @Test
    void aHighContrastFrameIsNotFlattenedOrReExposed() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat hard = new Mat()) {
            clean.convertTo(hard, -1, 2.6, -200);
            try (OptimizationResult r = optimizer.optimize(hard)) {
                assertThat(r.before().style()).contains(StyleTrait.HIGH_CONTRAST);
                assertThat(r.applied()).extracting(Suggestion::type)
                        .doesNotContain(CorrectionType.CONTRAST, CorrectionType.EXPOSURE);
            }
        }
    }

    @Test
    void selectiveModeAndPreviewApplyExactlyWhatWasChosenAndReportEveryDimension() {
        try (Mat clean = QualityPictures.scene(360, 240); Mat dark = new Mat()) {
            clean.convertTo(dark, -1, 0.3, 0);
            QualityReport report = optimizer.analyzer().analyze(dark);
            List<Suggestion> suggestions = optimizer.suggest(report);
            Suggestion exposure = suggestions.stream().filter(s -> s.type() == CorrectionType.EXPOSURE).findFirst()
                    .orElseThrow();
            assertThat(exposure.parameter("gamma", 1)).isLessThan(1);
            assertThat(exposure.priority()).isPositive();
            assertThat(exposure.confidence()).isBetween(0.0, 1.0);
            try (OptimizationResult preview = optimizer.preview(dark, exposure)) {
                assertThat(preview.applied()).containsExactly(exposure);
                assertThat(preview.feedback()).hasSize(8);
                assertThat(preview.after().score(QualityDimension.EXPOSURE))
                        .isGreaterThan(preview.before().score(QualityDimension.EXPOSURE));
                assertThat(preview.after().dimension(QualityDimension.DETAIL).measured()).isTrue();
            }
        }
    }

    @Test
    void denoiseStrengthFollowsTheMeasuredNoise() {
        try (Mat clean = QualityPictures.scene(360, 240); Mat n10 = Degradation.addNoise(clean, 10, 1);
             Mat n20 = Degradation.addNoise(clean, 20, 1)) {
            double h10 = denoise(n10).parameter("h_luma", 0);
            double h20 = denoise(n20).parameter("h_luma", 0);
            assertThat(h20).isGreaterThan(1.6 * h10);
        }
    }

    private Suggestion denoise(Mat m) {
        return optimizer.suggest(optimizer.analyzer().analyze(m)).stream()
                .filter(s -> s.type() == CorrectionType.DENOISE).findFirst().orElseThrow();
    }

    private static Mat tint(Mat mono) {
        Mat out = new Mat();
        try (Mat gains = Mats.perChannel(0.78, 0.95, 1.12)) {
            org.bytedeco.opencv.global.opencv_core.multiply(mono, gains, out, 1.0, -1);
        }
        return out;
    }
}
