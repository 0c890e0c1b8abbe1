package dev.storycore.enhance.ops.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.FrameOperation;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StylesTest {
    private static final int W = 120;
    private static final int H = 90;

    private static Mat run(Style style, StyleParams params, Mat input) {
        try (FrameOperation op = Styles.operation(style, params, null); Frame in = Frame.of(input.clone());
             Frame out = op.apply(in)) {
            return out.image().clone();
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void fullStrengthChangesThePictureSubstantiallyAndKeepsItsSize(Style style) {
        try (Mat in = StylePictures.mat(W, H); Mat out = run(style, StyleParams.defaults(), in)) {
            assertThat(out.cols()).isEqualTo(W);
            assertThat(out.rows()).isEqualTo(H);
            assertThat(out.type()).isEqualTo(in.type());
            assertThat(StylePictures.meanAbsDiff(in, out)).as("mean change of %s", style).isGreaterThan(8.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void zeroStrengthReturnsTheInputExactly(Style style) {
        try (Mat in = StylePictures.mat(W, H); Mat out = run(style, StyleParams.defaults().withStrength(0), in)) {
            assertThat(StylePictures.meanAbsDiff(in, out)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void sameInputAndSeedGiveTheSamePicture(Style style) {
        try (Mat in = StylePictures.mat(W, H); Mat a = run(style, StyleParams.defaults(), in);
             Mat b = run(style, StyleParams.defaults(), in)) {
            assertThat(StylePictures.meanAbsDiff(a, b)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void preserveColorsKeepsTheInputChroma(Style style) {
        try (Mat in = StylePictures.mat(W, H);
             Mat kept = run(style, StyleParams.defaults().withPreserveColors(true), in);
             Mat free = run(style, StyleParams.defaults(), in)) {
            double keptError = chromaError(in, kept);
            // A few units of a*/b* are lost where the new lightness cannot hold the old chroma in sRGB.
            assertThat(keptError).as("chroma error with preserve_colors, %s", style).isLessThan(7.0);
            if (style != Style.SKETCH) {
                assertThat(keptError).isLessThan(0.6 * chromaError(in, free));
            }
        }
    }

    @Test
    void halfStrengthLiesBetweenInputAndStyle() {
        try (Mat in = StylePictures.mat(W, H); Mat full = run(Style.COMIC, StyleParams.defaults(), in);
             Mat half = run(Style.COMIC, StyleParams.defaults().withStrength(0.5), in)) {
            double toIn = StylePictures.meanAbsDiff(in, half);
            double toFull = StylePictures.meanAbsDiff(full, half);
            double whole = StylePictures.meanAbsDiff(in, full);
            assertThat(toIn).isBetween(0.35 * whole, 0.65 * whole);
            assertThat(toFull).isBetween(0.35 * whole, 0.65 * whole);
        }
    }

    @Test
    void differentSeedsGiveDifferentStrokes() {
        try (Mat in = StylePictures.mat(W, H); Mat a = run(Style.POINTILLISM, StyleParams.defaults(), in);
             Mat b = run(Style.POINTILLISM, StyleParams.defaults().withSeed(99), in)) {
            assertThat(StylePictures.meanAbsDiff(a, b)).isGreaterThan(2.0);
        }
    }

    @Test
    void greyAlphaAnd16BitFramesKeepTheirFormat() {
        try (Mat bgr = StylePictures.mat(W, H); Mat grey = new Mat(); Mat bgra = new Mat(); Mat wide = new Mat()) {
            opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(bgr, bgra, opencv_imgproc.COLOR_BGR2BGRA);
            bgr.convertTo(wide, opencv_core.CV_16UC3, 257, 0);
            for (Mat in : new Mat[] {grey, bgra, wide}) {
                try (Mat out = run(Style.WATERCOLOR, StyleParams.defaults(), in)) {
                    assertThat(out.type()).isEqualTo(in.type());
                    assertThat(out.cols()).isEqualTo(W);
                }
            }
            try (Mat out = run(Style.OIL_PAINTING, StyleParams.defaults(), bgra); Mat alphaIn = new Mat();
                 Mat alphaOut = new Mat()) {
                opencv_core.extractChannel(bgra, alphaIn, 3);
                opencv_core.extractChannel(out, alphaOut, 3);
                assertThat(StylePictures.meanAbsDiff(alphaIn, alphaOut)).isZero();
            }
        }
    }

    @Test
    void badControlsAreRefusedWithTheValidRange() {
        assertThatThrownBy(() -> Styles.operation(Style.SKETCH, StyleParams.defaults().with("line_width", 99), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("line_width").hasMessageContaining("0.3 to 4");
        assertThatThrownBy(() -> Styles.operation(Style.SKETCH, StyleParams.defaults().with("brush", 1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has no parameter 'brush'");
        assertThatThrownBy(() -> StyleParams.defaults().withStrength(1.5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Style.parse("cubism")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cubist");
    }

    @Test
    void everyStyleListsItsControlsWithValidDefaults() {
        assertThat(Styles.specs()).hasSize(10);
        for (StyleSpec spec : Styles.specs()) {
            assertThat(spec.citation()).isNotBlank();
            assertThat(spec.controls()).isNotEmpty();
            spec.resolve(java.util.Map.of());
        }
    }

    /**
     * Mean |Δa*| + |Δb*| between two 8-bit BGR pictures, over pixels whose stylized lightness can hold the
     * input's chroma at all (black ink and white paper cannot carry colour in any colour space).
     */
    private static double chromaError(Mat in, Mat out) {
        try (Mat la = StyleReference.toLab(in); Mat lb = StyleReference.toLab(out)) {
            float[] x = Pixels.floats(la);
            float[] y = Pixels.floats(lb);
            double sum = 0;
            int n = 0;
            for (int i = 0; i < x.length; i += 3) {
                if (y[i] < 15 || y[i] > 90) {
                    continue;
                }
                sum += Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]);
                n++;
            }
            assertThat(n).as("pixels with mid lightness").isGreaterThan(x.length / 3 / 10);
            return sum / n;
        }
    }
}
