package dev.storycore.enhance.ops.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.ops.motion.SyntheticScenes;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FrameRateConverterTest {
    private static final long FIRST_TIMESTAMP = 40_000;
    private static Mat texture;
    private static Interpolator interpolator;

    @BeforeAll
    static void setUp() {
        texture = SyntheticScenes.texture(128, 96, 41);
        interpolator = Interpolator.classical(InterpolationSettings.defaults());
    }

    @AfterAll
    static void tearDown() {
        texture.close();
        interpolator.close();
    }

    @Test
    void film24To60() {
        Run r = convert(RateConversion.toRate(Rational.of(60, 1)), Rational.of(24, 1), 24);
        assertThat(r.out).hasSize(60);
        r.assertTimestamps(Rational.of(60, 1));
        // Every second input frame falls on the 60 fps grid (k = 0, 5, 10, ...) and appears unchanged.
        for (int k = 0; k < 60; k += 5) {
            assertThat(r.isCopyOf(k, 2 * k / 5)).as("output %d", k).isTrue();
        }
        assertThat(r.isCopyOf(1, 0)).isFalse();
        r.close();
    }

    @Test
    void ntscFilm23976To5994() {
        Run r = convert(RateConversion.toRate(Rational.of(60000, 1001)), Rational.of(24000, 1001), 48);
        assertThat(r.out).hasSize(120);
        r.assertTimestamps(Rational.of(60000, 1001));
        assertThat(r.out.get(5).timestampMicros() - FIRST_TIMESTAMP).isEqualTo(83_417); // 5 · 1001/60000 s
        for (int k = 0; k < 120; k += 5) {
            assertThat(r.isCopyOf(k, 2 * k / 5)).isTrue();
        }
        r.close();
    }

    @Test
    void downConversion30To24() {
        Run r = convert(RateConversion.toRate(Rational.of(24, 1)), Rational.of(30, 1), 30);
        assertThat(r.out).hasSize(24);
        r.assertTimestamps(Rational.of(24, 1));
        for (int k = 0; k < 24; k += 4) {
            assertThat(r.isCopyOf(k, 5 * k / 4)).isTrue();
        }
        assertThat(r.isCopyOf(1, 1)).isFalse();
        r.close();
    }

    @Test
    void pal25To50AndTheMultiplierAgree() {
        Run byRate = convert(RateConversion.toRate(Rational.of(50, 1)), Rational.of(25, 1), 10);
        Run byMultiplier = convert(RateConversion.multiply(2), Rational.of(25, 1), 10);
        assertThat(byRate.out).hasSize(20);
        assertThat(byMultiplier.out).hasSize(20);
        byMultiplier.assertTimestamps(Rational.of(50, 1));
        for (int k = 0; k < 20; k += 2) {
            assertThat(byMultiplier.isCopyOf(k, k / 2)).isTrue();
        }
        for (int k = 1; k < 19; k += 2) {
            // The in-between frame shows the texture half-way along its one-pixel step.
            try (Mat expected = SyntheticScenes.translated(texture, (k / 2) + 0.5, 0)) {
                assertThat(SyntheticScenes.psnr(SyntheticScenes.interior(byMultiplier.out.get(k).image(), 8),
                        SyntheticScenes.interior(expected, 8))).as("output %d", k).isGreaterThan(33);
            }
        }
        byRate.close();
        byMultiplier.close();
    }

    @Test
    void slowMotionKeepsTheRateAndStretchesTime() {
        FrameRateConverter op = FrameRateConverter.create(RateConversion.slowMotion(Rational.of(4, 1)),
                Rational.of(25, 1), interpolator);
        assertThat(op.outputFrameRate(Rational.of(25, 1))).isEqualTo(Rational.of(25, 1));
        assertThat(op.outputFrameCount(10)).isEqualTo(40);
        Run r = convert(op, 10);
        assertThat(r.out).hasSize(40);
        r.assertTimestamps(Rational.of(25, 1));
        for (int k = 0; k < 40; k += 4) {
            assertThat(r.isCopyOf(k, k / 4)).isTrue();
        }
        r.close();
    }

    @Test
    void outputsComeOutAsSoonAsTheirTwoFramesAreInAndMemoryStaysBounded() {
        try (FrameRateConverter op = FrameRateConverter.create(RateConversion.multiply(2), Rational.of(25, 1),
                interpolator)) {
            List<Integer> perPush = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                try (Frame in = frame(i)) {
                    List<Frame> out = op.push(in);
                    perPush.add(out.size());
                    out.forEach(Frame::close);
                }
            }
            List<Frame> rest = op.flush();
            assertThat(perPush).containsExactly(0, 2, 2, 2, 2, 2);
            assertThat(rest).hasSize(2);
            rest.forEach(Frame::close);
            assertThat(op.summary().interpolatedFrames()).isEqualTo(5);
            assertThat(op.summary().pairsAnalysed()).isEqualTo(5);
        }
    }

    @Test
    void noOutputIsEverABlendAcrossACut() {
        Mat other = SyntheticScenes.texture(128, 96, 99);
        List<FrameRateConverter.PairReport> reports = new ArrayList<>();
        try (FrameRateConverter op = FrameRateConverter.create(RateConversion.toRate(Rational.of(60, 1)),
                Rational.of(24, 1), interpolator, reports::add)) {
            List<Frame> inputs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Mat picture = i < 4 ? SyntheticScenes.translated(texture, i, 0) : SyntheticScenes.translated(other, i, 0);
                inputs.add(new Frame(picture, i, FIRST_TIMESTAMP + i * 1_000_000L / 24));
            }
            List<Frame> out = new ArrayList<>();
            for (Frame f : inputs) {
                out.addAll(op.push(f));
            }
            out.addAll(op.flush());
            assertThat(out).hasSize(20);
            assertThat(op.summary().sceneCuts()).isEqualTo(1);
            assertThat(reports).anySatisfy(rep -> {
                assertThat(rep.firstIndex()).isEqualTo(3);
                assertThat(rep.analysis().method()).isEqualTo(InterpolationMethod.REPEAT);
            });
            // Outputs between input 3 (t = 3/24 s) and 4: positions 3.2 and 3.6 (k = 8, 9) repeat the nearer frame.
            assertThat(FlowInterpolatorTest.identical(out.get(8).image(), inputs.get(3).image())).isTrue();
            assertThat(FlowInterpolatorTest.identical(out.get(9).image(), inputs.get(4).image())).isTrue();
            out.forEach(Frame::close);
            inputs.forEach(Frame::close);
        } finally {
            other.close();
        }
    }

    @Test
    void anUnknownInputRateIsRefusedWithAReason() {
        assertThatThrownBy(() -> FrameRateConverter.create(RateConversion.multiply(2), Rational.ZERO, interpolator))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("frame rate is unknown");
        assertThatThrownBy(() -> new RateConversion(Rational.of(60, 1), 2, RateConversion.REAL_TIME))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
    }

    private static Frame frame(int i) {
        return new Frame(SyntheticScenes.translated(texture, i, 0), i, FIRST_TIMESTAMP + i * 40_000L);
    }

    private static Run convert(RateConversion conversion, Rational inputRate, int frames) {
        return convert(FrameRateConverter.create(conversion, inputRate, interpolator), frames);
    }

    private static Run convert(FrameRateConverter op, int frames) {
        List<Frame> inputs = new ArrayList<>();
        List<Frame> out = new ArrayList<>();
        try (op) {
            for (int i = 0; i < frames; i++) {
                Frame in = frame(i);
                inputs.add(in);
                out.addAll(op.push(in));
            }
            out.addAll(op.flush());
            assertThat(op.outputFrameCount(frames)).isEqualTo(out.size());
        }
        return new Run(inputs, out);
    }

    private record Run(List<Frame> in, List<Frame> out) {
        boolean isCopyOf(int outputIndex, int inputIndex) {
            return FlowInterpolatorTest.identical(out.get(outputIndex).image(), in.get(inputIndex).image());
        }

        void assertTimestamps(Rational rate) {
            long previous = Long.MIN_VALUE;
            for (int k = 0; k < out.size(); k++) {
                Frame f = out.get(k);
                assertThat(f.index()).isEqualTo(k);
                long expected = FIRST_TIMESTAMP + Math.round(k * 1e6 * rate.den() / rate.num());
                assertThat(f.timestampMicros()).as("timestamp of output %d", k).isEqualTo(expected);
                assertThat(f.timestampMicros()).isGreaterThan(previous);
                previous = f.timestampMicros();
            }
        }

        void close() {
            in.forEach(Frame::close);
            out.forEach(Frame::close);
        }
    }
}
