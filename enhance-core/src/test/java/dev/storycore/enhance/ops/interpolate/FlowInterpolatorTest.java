package dev.storycore.enhance.ops.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.motion.SyntheticScenes;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class FlowInterpolatorTest {
    private static final double DX = 3.5;
    private static final double DY = -2.25;

    @ParameterizedTest
    @EnumSource(InterpolationQuality.class)
    void theMiddleOfASubPixelTranslationMatchesTheExactlyShiftedPicture(InterpolationQuality quality) {
        try (Mat a = SyntheticScenes.texture(320, 240, 11);
             Mat b = SyntheticScenes.translated(a, DX, DY);
             Mat expected = SyntheticScenes.translated(a, DX / 2, DY / 2);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults().withQuality(quality));
             InterpolationPair pair = interpolator.prepare(a, b);
             Mat middle = pair.at(0.5);
             Mat crossFade = new Mat()) {
            opencv_core.addWeighted(a, 0.5, b, 0.5, 0, crossFade);
            double psnr = SyntheticScenes.psnr(SyntheticScenes.interior(middle, 16), SyntheticScenes.interior(expected, 16));
            double fadePsnr = SyntheticScenes.psnr(SyntheticScenes.interior(crossFade, 16),
                    SyntheticScenes.interior(expected, 16));
            assertThat(psnr).as("middle frame vs exact shift, %s", quality).isGreaterThan(35);
            assertThat(fadePsnr).as("a cross-fade must not pass this test").isLessThan(psnr - 5);
            MotionAnalysis analysis = pair.analysis();
            assertThat(analysis.method()).isIn(InterpolationMethod.FLOW, InterpolationMethod.FLOW_REFINED);
            assertThat(analysis.sceneChange()).isFalse();
            assertThat(analysis.meanMotion()).isBetween(Math.hypot(DX, DY) - 0.5, Math.hypot(DX, DY) + 0.5);
            assertThat(analysis.occludedFraction()).isLessThan(0.1);
        }
    }

    @Test
    void anOddFrameSizeWhoseWorkingScaleIsNotWholeGivesTheSameAccuracy() {
        // 331 x 251 at half size is 166 x 126: the displacements are resized by 1.994, not 2.
        try (Mat a = SyntheticScenes.texture(331, 251, 14);
             Mat b = SyntheticScenes.translated(a, DX, DY);
             Mat expected = SyntheticScenes.translated(a, DX / 2, DY / 2);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults());
             Mat middle = interpolator.interpolate(a, b, 0.5)) {
            assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(middle, 16), SyntheticScenes.interior(expected, 16)))
                    .isGreaterThan(35);
        }
    }

    @Test
    void otherTimesLandOnTheMatchingShift() {
        try (Mat a = SyntheticScenes.texture(320, 240, 12);
             Mat b = SyntheticScenes.translated(a, 6, 0);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults());
             InterpolationPair pair = interpolator.prepare(a, b)) {
            for (double t : new double[] {0.2, 0.4, 0.8}) {
                try (Mat expected = SyntheticScenes.translated(a, 6 * t, 0); Mat at = pair.at(t)) {
                    assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(at, 16), SyntheticScenes.interior(expected, 16)))
                            .as("t = %s", t).isGreaterThan(33);
                }
            }
        }
    }

    @Test
    void timesZeroAndOneReturnTheInputsExactly() {
        try (Mat a = SyntheticScenes.texture(160, 120, 13);
             Mat b = SyntheticScenes.translated(a, 2, 1);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults());
             InterpolationPair pair = interpolator.prepare(a, b);
             Mat at0 = pair.at(0);
             Mat at1 = pair.at(1)) {
            assertThat(identical(at0, a)).isTrue();
            assertThat(identical(at1, b)).isTrue();
            assertThatThrownBy(() -> pair.at(1.5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aHardCutIsNeverBlended() {
        // Two unrelated pictures with the same kind of texture (so their histograms are alike): only the
        // failure of the flow to explain the change reveals the cut.
        try (Mat a = SyntheticScenes.texture(320, 240, 21);
             Mat b = SyntheticScenes.texture(320, 240, 22);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults())) {
            try (InterpolationPair pair = interpolator.prepare(a, b)) {
                assertThat(pair.analysis().histogramDistance()).isLessThan(SceneCutThresholds.DEFAULT.histogram());
                assertThat(pair.analysis().unexplainedFraction()).isGreaterThan(SceneCutThresholds.DEFAULT.unexplained());
                assertThat(pair.analysis().sceneChange()).isTrue();
                assertThat(pair.analysis().method()).isEqualTo(InterpolationMethod.REPEAT);
                for (double t : new double[] {0.1, 0.3, 0.5}) {
                    try (Mat m = pair.at(t)) {
                        assertThat(identical(m, a)).as("t = %s shows the frame before the cut", t).isTrue();
                    }
                }
                for (double t : new double[] {0.51, 0.9}) {
                    try (Mat m = pair.at(t)) {
                        assertThat(identical(m, b)).as("t = %s shows the frame after the cut", t).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aCutToADifferentlyLitShotIsFoundByItsHistogramAndThePolicyIsFollowed() {
        try (Mat a = SyntheticScenes.texture(320, 240, 23);
             Mat dark = SyntheticScenes.texture(320, 240, 24);
             Mat b = new Mat();
             Interpolator previous = Interpolator.classical(InterpolationSettings.defaults()
                     .withCutPolicy(CutPolicy.REPEAT_PREVIOUS))) {
            dark.convertTo(b, -1, 0.4, 0);
            try (InterpolationPair pair = previous.prepare(a, b); Mat late = pair.at(0.9)) {
                assertThat(pair.analysis().histogramDistance()).isGreaterThan(SceneCutThresholds.DEFAULT.histogram());
                assertThat(pair.analysis().sceneChange()).isTrue();
                assertThat(identical(late, a)).isTrue();
            }
        }
    }

    @Test
    void fastMotionWithinAShotIsNotACut() {
        try (Mat a = SyntheticScenes.texture(320, 240, 25);
             Mat b = SyntheticScenes.translated(a, 14, 5);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults());
             InterpolationPair pair = interpolator.prepare(a, b)) {
            assertThat(pair.analysis().sceneChange()).isFalse();
            assertThat(pair.analysis().unexplainedFraction()).isLessThan(0.05);
            assertThat(pair.analysis().complexity()).isIn(MotionComplexity.MODERATE, MotionComplexity.COMPLEX);
        }
    }

    @Test
    void aStaticPairTakesTheCheapPath() {
        try (Mat a = SyntheticScenes.texture(160, 120, 26);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults());
             InterpolationPair pair = interpolator.prepare(a, a);
             Mat middle = pair.at(0.5)) {
            assertThat(pair.analysis().method()).isEqualTo(InterpolationMethod.BLEND);
            assertThat(pair.analysis().complexity()).isEqualTo(MotionComplexity.SIMPLE);
            assertThat(identical(middle, a)).isTrue();
        }
    }

    @Test
    void aFastSmallObjectIsRebuiltAtItsMidpointAtHighQuality() {
        // A 48 px square moving 12 px over a still background: DIS must resolve it at its finest level,
        // which the HIGH level does (STANDARD measures at a quarter of the frame width; see interpolation.md).
        int side = 48;
        try (Mat bg = SyntheticScenes.texture(320, 240, 27);
             Mat fg = SyntheticScenes.texture(320, 240, 28);
             Mat a = SyntheticScenes.withSquare(bg, fg, 100, 90, side);
             Mat b = SyntheticScenes.withSquare(bg, fg, 112, 90, side);
             Mat expected = SyntheticScenes.withSquare(bg, fg, 106, 90, side);
             Mat fade = new Mat();
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults()
                     .withQuality(InterpolationQuality.HIGH));
             InterpolationPair pair = interpolator.prepare(a, b);
             Mat middle = pair.at(0.5)) {
            opencv_core.addWeighted(a, 0.5, b, 0.5, 0, fade);
            // Judged around the square's path, where a cross-fade leaves two half-transparent squares.
            Rect path = new Rect(90, 80, side + 32, side + 20);
            double ours = psnrIn(middle, expected, path);
            double crossFade = psnrIn(fade, expected, path);
            assertThat(ours).isGreaterThan(crossFade + 4).isGreaterThan(30);
            assertThat(pair.analysis().occludedFraction()).isGreaterThan(0.003);
        }
    }

    @Test
    void greyBgraAndSixteenBitFramesKeepTheirFormat() {
        try (Mat a = SyntheticScenes.texture(160, 120, 29);
             Mat b = SyntheticScenes.translated(a, 3, 0);
             Mat a4 = new Mat(); Mat b4 = new Mat(); Mat a1 = new Mat(); Mat b1 = new Mat();
             Mat a16 = new Mat(); Mat b16 = new Mat();
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults())) {
            opencv_imgproc.cvtColor(a, a4, opencv_imgproc.COLOR_BGR2BGRA);
            opencv_imgproc.cvtColor(b, b4, opencv_imgproc.COLOR_BGR2BGRA);
            opencv_imgproc.cvtColor(a, a1, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(b, b1, opencv_imgproc.COLOR_BGR2GRAY);
            a.convertTo(a16, opencv_core.CV_16U, 257, 0);
            b.convertTo(b16, opencv_core.CV_16U, 257, 0);
            for (Mat[] p : new Mat[][] {{a4, b4}, {a1, b1}, {a16, b16}}) {
                try (Mat m = interpolator.interpolate(p[0], p[1], 0.5);
                     Mat expected = SyntheticScenes.translated(p[0], 1.5, 0)) {
                    assertThat(m.type()).isEqualTo(p[0].type());
                    assertThat(m.cols()).isEqualTo(160);
                    try (Mat m8 = new Mat(); Mat e8 = new Mat()) {
                        double scale = p[0].depth() == opencv_core.CV_16U ? 1.0 / 257 : 1.0;
                        m.convertTo(m8, opencv_core.CV_8U, scale, 0);
                        expected.convertTo(e8, opencv_core.CV_8U, scale, 0);
                        assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(m8, 12), SyntheticScenes.interior(e8, 12)))
                                .isGreaterThan(32);
                    }
                }
            }
            try (Mat small = SyntheticScenes.texture(80, 60, 30)) {
                assertThatThrownBy(() -> interpolator.prepare(a, small)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("differ");
            }
        }
    }

    private static double psnrIn(Mat x, Mat y, Rect r) {
        try (Mat a = new Mat(x, r); Mat b = new Mat(y, r)) {
            return SyntheticScenes.psnr(a, b);
        }
    }

    static boolean identical(Mat x, Mat y) {
        if (x.cols() != y.cols() || x.rows() != y.rows() || x.type() != y.type()) {
            return false;
        }
        return opencv_core.norm(x, y, opencv_core.NORM_INF, new Mat()) == 0;
    }
}
