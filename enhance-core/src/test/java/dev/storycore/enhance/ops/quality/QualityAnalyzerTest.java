package dev.storycore.enhance.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.errors.InvalidInputException;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each dimension moves the right way under a controlled degradation. */
class QualityAnalyzerTest {
    private final QualityAnalyzer analyzer = QualityAnalyzer.create();

    @ParameterizedTest
    @ValueSource(doubles = {5, 10, 20})
    void noiseEstimateIsCloseToTheTrueSigmaOnASyntheticScene(double sigma) {
        try (Mat clean = QualityPictures.scene(480, 320); Mat noisy = Degradation.addNoise(clean, sigma, 7)) {
            double estimate = analyzer.analyze(noisy).measurements().noiseSigma();
            assertThat(estimate).isCloseTo(sigma, within(0.12 * sigma + 0.5));
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {15, 25})
    void noiseEstimateIsCloseToTheTrueSigmaOnAPhotograph(double sigma) {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat noisy = Degradation.addNoise(clean, sigma, 11)) {
            QualityReport report = analyzer.analyze(noisy);
            assertThat(report.measurements().noiseSigma()).isCloseTo(sigma, within(0.1 * sigma));
            assertThat(report.issues()).anyMatch(i -> i.dimension() == QualityDimension.NOISE);
        }
    }

    @Test
    void moreBlurMeansLowerSharpness() {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat b1 = blur(clean, 0.8); Mat b2 = blur(clean, 1.5);
             Mat b3 = blur(clean, 3)) {
            double s0 = analyzer.analyze(clean).score(QualityDimension.SHARPNESS);
            double s1 = analyzer.analyze(b1).score(QualityDimension.SHARPNESS);
            double s2 = analyzer.analyze(b2).score(QualityDimension.SHARPNESS);
            double s3 = analyzer.analyze(b3).score(QualityDimension.SHARPNESS);
            assertThat(s0).isGreaterThanOrEqualTo(s1);
            assertThat(s1).isGreaterThan(s2);
            assertThat(s2).isGreaterThan(s3);
            assertThat(s0).isGreaterThan(0.9);
            assertThat(s3).isLessThan(0.2);
        }
    }

    @Test
    void aColourCastLowersColourAccuracy() {
        try (Mat clean = QualityPictures.photo("108005.png");
             Mat cast = Degradation.COLOUR_CAST.apply(clean, 0)) {
            QualityReport before = analyzer.analyze(clean);
            QualityReport after = analyzer.analyze(cast);
            assertThat(after.measurements().illuminantAngle()).isGreaterThan(before.measurements().illuminantAngle() + 3);
            assertThat(after.score(QualityDimension.COLOR_ACCURACY)).isLessThan(before.score(QualityDimension.COLOR_ACCURACY));
            assertThat(after.issues()).anyMatch(i -> i.dimension() == QualityDimension.COLOR_ACCURACY
                    && i.description().contains("warm"));
        }
    }

    @Test
    void halvedContrastLowersContrast() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat flat = Degradation.LOW_CONTRAST.apply(clean, 0)) {
            assertThat(analyzer.analyze(clean).score(QualityDimension.CONTRAST)).isEqualTo(1.0);
            assertThat(analyzer.analyze(flat).score(QualityDimension.CONTRAST)).isLessThan(0.5);
        }
    }

    @Test
    void underExposureLowersExposure() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat dark = Degradation.UNDER_EXPOSURE.apply(clean, 0)) {
            QualityReport good = analyzer.analyze(clean);
            QualityReport bad = analyzer.analyze(dark);
            assertThat(good.score(QualityDimension.EXPOSURE)).isGreaterThan(0.9);
            assertThat(bad.score(QualityDimension.EXPOSURE)).isLessThan(0.6);
            assertThat(bad.issues()).anyMatch(i -> i.description().startsWith("under-exposed"));
        }
    }

    @Test
    void blownHighlightsLowerExposure() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat bright = new Mat()) {
            clean.convertTo(bright, -1, 1.8, 40);
            assertThat(analyzer.analyze(bright).score(QualityDimension.EXPOSURE)).isLessThan(0.5);
        }
    }

    @Test
    void desaturationLowersSaturationAndIsFlaggedAsAStyle() {
        try (Mat clean = QualityPictures.scene(480, 320); Mat grey = new Mat(); Mat mono = new Mat()) {
            cvtColor(clean, grey, COLOR_BGR2GRAY);
            cvtColor(grey, mono, COLOR_GRAY2BGR);
            QualityReport colour = analyzer.analyze(clean);
            QualityReport bw = analyzer.analyze(mono);
            assertThat(bw.score(QualityDimension.SATURATION)).isLessThan(colour.score(QualityDimension.SATURATION));
            assertThat(bw.style()).contains(StyleTrait.DESATURATED);
            assertThat(bw.issues()).filteredOn(i -> i.dimension() == QualityDimension.SATURATION)
                    .allMatch(QualityIssue::intentional);
        }
    }

    @Test
    void jpegCompressionRaisesBlockinessAndLowersArtefactScore() {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat jpeg = Degradation.JPEG_20.apply(clean, 0)) {
            QualityReport before = analyzer.analyze(clean);
            QualityReport after = analyzer.analyze(jpeg);
            assertThat(before.measurements().blockiness()).isLessThan(1.1);
            assertThat(after.measurements().blockiness()).isGreaterThan(1.3);
            assertThat(after.score(QualityDimension.ARTIFACTS)).isLessThan(before.score(QualityDimension.ARTIFACTS));
        }
    }

    @Test
    void detailPreservationFallsWhenDetailIsBlurredAwayAndIsNotInTheOverallScore() {
        try (Mat clean = QualityPictures.photo("108005.png"); Mat soft = blur(clean, 2)) {
            QualityReport alone = analyzer.analyze(soft);
            QualityReport same = analyzer.analyze(clean, clean);
            QualityReport lost = analyzer.analyze(soft, clean);
            assertThat(alone.dimension(QualityDimension.DETAIL).measured()).isFalse();
            assertThat(same.score(QualityDimension.DETAIL)).isEqualTo(1.0);
            assertThat(lost.score(QualityDimension.DETAIL)).isLessThan(0.75);
            assertThat(lost.overall()).isEqualTo(alone.overall());
        }
    }

    @Test
    void aCleanPictureScoresHighWithoutIssues() {
        try (Mat clean = QualityPictures.scene(480, 320)) {
            QualityReport r = analyzer.analyze(clean);
            assertThat(r.overall()).isGreaterThan(0.9);
            assertThat(r.dimensions()).hasSize(8);
            assertThat(r.issues()).isEmpty();
        }
    }

    @Test
    void greyAndSixteenBitPicturesAreAnalysed() {
        try (Mat clean = QualityPictures.scene(240, 160); Mat grey = new Mat(); Mat deep = new Mat()) {
            cvtColor(clean, grey, COLOR_BGR2GRAY);
            clean.convertTo(deep, org.bytedeco.opencv.global.opencv_core.CV_16U, 257, 0);
            assertThat(analyzer.analyze(grey).overall()).isBetween(0.0, 1.0);
            assertThat(analyzer.analyze(deep).measurements().meanLuma())
                    .isCloseTo(analyzer.analyze(clean).measurements().meanLuma(), within(0.01));
        }
    }

    @Test
    void anEmptyOrTinyPictureIsBadInput() {
        try (Mat empty = new Mat(); Mat tiny = QualityPictures.scene(8, 8)) {
            assertThatThrownBy(() -> analyzer.analyze(empty)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> analyzer.analyze(tiny)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("16x16");
        }
    }

    private static Mat blur(Mat m, double sigma) {
        Mat out = new Mat();
        GaussianBlur(m, out, new Size(0, 0), sigma);
        return out;
    }
}
