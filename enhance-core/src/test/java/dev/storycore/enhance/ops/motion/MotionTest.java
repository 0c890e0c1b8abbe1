package dev.storycore.enhance.ops.motion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.enhance.errors.InvalidInputException;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class MotionTest {
    private static final double DX = 3.5;
    private static final double DY = -2.25;

    @Test
    void disFlowMeasuresAKnownSubPixelTranslation() {
        try (Mat a = SyntheticScenes.texture(320, 240, 1);
             Mat b = SyntheticScenes.translated(a, DX, DY);
             DenseFlow flow = DenseFlow.create(FlowSettings.of(FlowPreset.MEDIUM));
             FlowField f = flow.estimate(a, b);
             FlowField inner = interior(f, 24)) {
            FlowStats s = inner.stats();
            assertThat(s.meanDx()).isCloseTo(DX, within(0.1));
            assertThat(s.meanDy()).isCloseTo(DY, within(0.1));
            assertThat(s.meanMagnitude()).isCloseTo(Math.hypot(DX, DY), within(0.15));
            assertThat(s.stdMagnitude()).isLessThan(0.2);
            assertThat(s.movingFraction()).isGreaterThan(0.99);
        }
    }

    @Test
    void flowAtHalfResolutionIsResizedAndRescaledToTheInput() {
        try (Mat a = SyntheticScenes.texture(320, 240, 2);
             Mat b = SyntheticScenes.translated(a, DX, DY);
             DenseFlow flow = DenseFlow.create(FlowSettings.of(FlowPreset.FAST).withScale(0.5));
             FlowField f = flow.estimate(a, b);
             FlowField inner = interior(f, 24)) {
            assertThat(f.width()).isEqualTo(320);
            assertThat(f.height()).isEqualTo(240);
            assertThat(inner.stats().meanDx()).isCloseTo(DX, within(0.25));
            assertThat(inner.stats().meanDy()).isCloseTo(DY, within(0.25));
        }
    }

    @Test
    void backwardWarpWithTheMeasuredFlowRebuildsTheFirstPicture() {
        try (Mat a = SyntheticScenes.texture(320, 240, 3);
             Mat b = SyntheticScenes.translated(a, DX, DY);
             DenseFlow flow = DenseFlow.create(FlowSettings.of(FlowPreset.MEDIUM));
             FlowField f = flow.estimate(a, b);
             Mat rebuilt = Warp.backward(b, f);
             Mat half = Warp.backward(b, f, 0.5);
             Mat expectedHalf = SyntheticScenes.translated(a, DX / 2, DY / 2)) {
            assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(rebuilt, 16), SyntheticScenes.interior(a, 16)))
                    .isGreaterThan(35);
            // Half the flow applied to B lands halfway back: the picture shifted by d/2.
            assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(half, 16), SyntheticScenes.interior(expectedHalf, 16)))
                    .isGreaterThan(35);
            assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(b, 16), SyntheticScenes.interior(a, 16)))
                    .as("the test must not pass without warping").isLessThan(30);
        }
    }

    @Test
    void consistentFlowsAreVisibleAndContradictingFlowsAreOccluded() {
        int w = 40;
        int h = 30;
        try (FlowField right = constant(w, h, 2, 0);
             FlowField left = constant(w, h, -2, 0);
             FlowField still = FlowField.zeros(w, h);
             Mat consistent = Consistency.visibleMask(right, left);
             Mat contradicting = Consistency.visibleMask(right, still)) {
            // Every pixel is visible except the two columns whose vectors leave the picture.
            assertThat(Consistency.occludedFraction(consistent)).isCloseTo(2.0 / w, within(1e-9));
            assertThat(Consistency.occludedFraction(contradicting)).isEqualTo(1.0);
        }
    }

    @Test
    void aMovingSquareOccludesTheBackgroundItCoversNext() {
        int side = 60;
        int shift = 12;
        try (Mat bg = SyntheticScenes.texture(320, 240, 4);
             Mat fg = SyntheticScenes.texture(side, side, 5);
             Mat a = SyntheticScenes.withSquare(bg, fg, 100, 90, side);
             Mat b = SyntheticScenes.withSquare(bg, fg, 100 + shift, 90, side);
             DenseFlow flow = DenseFlow.create(FlowSettings.of(FlowPreset.MEDIUM));
             FlowPair pair = flow.estimateBoth(a, b);
             Mat visible = Consistency.visibleMask(pair.forward(), pair.backward())) {
            // In A, the background strip just right of the square is covered by the square in B.
            double coveredStrip = meanOf(visible, new Rect(100 + side + 2, 90 + 6, shift - 4, side - 12));
            double farAway = meanOf(visible, new Rect(10, 10, 60, 60));
            double squareCentre = meanOf(visible, new Rect(115, 105, 30, 30));
            assertThat(coveredStrip).as("visible share of the covered strip").isLessThan(0.4);
            assertThat(farAway).isGreaterThan(0.97);
            assertThat(squareCentre).isGreaterThan(0.9);
            try (FlowField inside = crop(pair.forward(), new Rect(115, 105, 30, 30))) {
                assertThat(inside.stats().meanDx()).isCloseTo(shift, within(0.5));
            }
        }
    }

    @Test
    void statsSummariseKnownVectors() {
        // Lengths 0, 5, 5, 10.
        float[] xy = {0, 0, 3, 4, -3, -4, 6, 8};
        FlowStats s = FlowStats.of(xy);
        assertThat(s.meanMagnitude()).isCloseTo(5.0, within(1e-6));
        assertThat(s.stdMagnitude()).isCloseTo(Math.sqrt(12.5), within(1e-6));
        assertThat(s.maxMagnitude()).isCloseTo(10.0, within(1e-6));
        assertThat(s.p95Magnitude()).isCloseTo(10.0, within(0.11));
        assertThat(s.meanDx()).isCloseTo(1.5, within(1e-6));
        assertThat(s.movingFraction()).isEqualTo(0.75);
    }

    @Test
    void acceptsGreyBgraAndSixteenBitAndRejectsMismatchedSizes() {
        try (Mat a = SyntheticScenes.texture(160, 120, 6);
             Mat b = SyntheticScenes.translated(a, 2, 1);
             Mat a16 = new Mat(); Mat b16 = new Mat(); Mat aBgra = new Mat(); Mat bBgra = new Mat();
             Mat small = SyntheticScenes.texture(80, 60, 7);
             DenseFlow flow = DenseFlow.create(FlowSettings.of(FlowPreset.FAST))) {
            a.convertTo(a16, opencv_core.CV_16U, 257, 0);
            b.convertTo(b16, opencv_core.CV_16U, 257, 0);
            opencv_imgproc.cvtColor(a, aBgra, opencv_imgproc.COLOR_BGR2BGRA);
            opencv_imgproc.cvtColor(b, bBgra, opencv_imgproc.COLOR_BGR2BGRA);
            try (FlowField f16 = flow.estimate(a16, b16); FlowField i16 = interior(f16, 16);
                 FlowField f4 = flow.estimate(aBgra, bBgra); FlowField i4 = interior(f4, 16)) {
                assertThat(i16.stats().meanDx()).isCloseTo(2, within(0.3));
                assertThat(i4.stats().meanDy()).isCloseTo(1, within(0.3));
            }
            assertThatThrownBy(() -> flow.estimate(a, small)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("differ in size");
        }
    }

    private static FlowField constant(int w, int h, float dx, float dy) {
        float[] xy = new float[2 * w * h];
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] = dx;
            xy[i + 1] = dy;
        }
        return FlowField.fromArray(w, h, xy);
    }

    private static FlowField interior(FlowField f, int border) {
        return crop(f, new Rect(border, border, f.width() - 2 * border, f.height() - 2 * border));
    }

    private static FlowField crop(FlowField f, Rect r) {
        try (Mat view = new Mat(f.mat(), r)) {
            return FlowField.wrap(view.clone());
        }
    }

    private static double meanOf(Mat mask, Rect r) {
        try (Mat view = new Mat(mask, r)) {
            return opencv_core.countNonZero(view) / (double) view.total();
        }
    }
}
