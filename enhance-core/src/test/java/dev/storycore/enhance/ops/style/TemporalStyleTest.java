package dev.storycore.enhance.ops.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.FrameOperation;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** A red square moves over a still, slightly noisy background (camera noise, as in real video). */
class TemporalStyleTest {
    private static final int W = 128;
    private static final int H = 96;
    private static final int FRAMES = 6;

    private static List<Mat> sequence() {
        List<Mat> frames = new ArrayList<>();
        for (int t = 0; t < FRAMES; t++) {
            frames.add(Pixels.mat(StylePictures.scene(W, H, 8 + 4 * t, H / 2, 100 + t, 2.0), H, W, 3));
        }
        return frames;
    }

    /** Mean frame-to-frame change over the background far from the square's path (top third). */
    private static double backgroundFlicker(List<Mat> out) {
        double sum = 0;
        for (int t = 1; t < out.size(); t++) {
            byte[] a = Pixels.bytes(out.get(t - 1));
            byte[] b = Pixels.bytes(out.get(t));
            double s = 0;
            int n = 0;
            for (int y = 0; y < H / 3; y++) {
                for (int x = 0; x < W; x++) {
                    for (int k = 0; k < 3; k++) {
                        int i = 3 * (y * W + x) + k;
                        s += Math.abs(Pixels.u(a[i]) - Pixels.u(b[i]));
                        n++;
                    }
                }
            }
            sum += s / n;
        }
        return sum / (out.size() - 1);
    }

    private static List<Mat> temporal(Style style, TemporalSettings settings) {
        List<Mat> out = new ArrayList<>();
        try (StyleStream op = Styles.temporal(style, StyleParams.defaults(), null, settings)) {
            for (Mat m : sequence()) {
                try (Frame in = Frame.of(m); Frame styled = op.push(in).get(0)) {
                    out.add(styled.image().clone());
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Style.class)
    void stillBackgroundStaysStableFromFrameToFrame(Style style) {
        List<Mat> perFrame = temporal(style, TemporalSettings.off());
        List<Mat> consistent = temporal(style, TemporalSettings.defaults());
        double without = backgroundFlicker(perFrame);
        double with = backgroundFlicker(consistent);
        assertThat(with).as("background flicker of %s with temporal consistency (without: %.2f)", style, without)
                .isLessThan(Math.max(0.6, 0.5 * without));
        perFrame.forEach(Mat::close);
        consistent.forEach(Mat::close);
    }

    @Test
    void pointsFollowMovingContent() {
        TrackedAnchors anchors = new TrackedAnchors(1);
        PointSet first = anchors.layer(0, 6, W, H).copy();
        float[] flow = new float[W * H * 2];
        for (int i = 0; i < W * H; i++) {
            flow[2 * i] = 3;
        }
        byte[] visible = new byte[W * H];
        java.util.Arrays.fill(visible, (byte) 255);
        anchors.advect(flow, visible, W, H);
        PointSet second = anchors.layer(0, 6, W, H);
        java.util.Map<Long, Float> x0 = new java.util.HashMap<>();
        for (int k = 0; k < first.size; k++) {
            x0.put(first.id[k], first.x[k]);
        }
        int kept = 0;
        for (int k = 0; k < second.size; k++) {
            Float before = x0.get(second.id[k]);
            if (before != null) {
                assertThat(second.x[k] - before).isCloseTo(3f, org.assertj.core.data.Offset.offset(1e-4f));
                kept++;
            }
        }
        assertThat(kept).isGreaterThan(first.size * 8 / 10);
        assertThat(second.size).isGreaterThanOrEqualTo(kept);
    }

    @Test
    void switchingStyleWithAFadeIsGradual() {
        List<Mat> seq = sequence();
        double cutJump;
        double fadeStep;
        try (StyleStream cut = Styles.temporal(Style.ANIME, StyleParams.defaults(), null, TemporalSettings.off());
             StyleStream fade = Styles.temporal(Style.ANIME, StyleParams.defaults(), null, TemporalSettings.off())) {
            List<Mat> a = new ArrayList<>();
            List<Mat> b = new ArrayList<>();
            for (int t = 0; t < seq.size(); t++) {
                if (t == 2) {
                    cut.switchTo(Style.SKETCH, StyleParams.defaults(), null, 0);
                    fade.switchTo(Style.SKETCH, StyleParams.defaults(), null, 3);
                }
                try (Frame in = Frame.of(seq.get(t).clone()); Frame x = cut.push(in).get(0); Frame y = fade.push(in).get(0)) {
                    a.add(x.image().clone());
                    b.add(y.image().clone());
                }
            }
            cutJump = StylePictures.meanAbsDiff(a.get(1), a.get(2));
            fadeStep = 0;
            for (int t = 2; t <= 5; t++) {
                fadeStep = Math.max(fadeStep, StylePictures.meanAbsDiff(b.get(t - 1), b.get(t)));
            }
            assertThat(StylePictures.meanAbsDiff(b.get(5), a.get(5))).as("fade ends on the new style").isLessThan(1.0);
        }
        assertThat(fadeStep).isLessThan(0.4 * cutJump);
    }

    @Test
    void perFrameOperationMatchesTheStreamWithoutConsistency() {
        try (FrameOperation op = Styles.operation(Style.CUBIST, StyleParams.defaults(), null);
             StyleStream stream = Styles.temporal(Style.CUBIST, StyleParams.defaults(), null, TemporalSettings.off());
             Frame in = StylePictures.frame(W, H); Frame a = op.apply(in); Frame b = stream.push(in).get(0)) {
            assertThat(StylePictures.meanAbsDiff(a.image(), b.image())).isLessThan(1.0);
        }
    }
}
