package dev.storycore.enhance.ops.interpolate;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.WindowOperation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frame-rate conversion as a pipeline stage: up (24 → 60), down (30 → 24), by a multiplier, or slow motion.
 *
 * <p>The output grid starts at the first input frame. Output frame k shows content time
 * k / (outputRate · slowdown); with the input placed on its nominal constant rate, that is input position
 * p = k · inputRate / (outputRate · slowdown), computed exactly in integers. When p is a whole number the
 * input frame is copied unchanged; otherwise the two input frames around p are interpolated at its fraction
 * (or, across a scene cut, the {@link CutPolicy} frame is repeated). Past the last input frame, the last frame
 * is repeated. The output has round(n · outputRate · slowdown / inputRate) frames for n input frames, i.e.
 * round(duration × output rate); timestamps are the first input timestamp plus k / outputRate.
 *
 * <p>Memory stays bounded: the stage holds two input frames and the motion of one pair.
 */
public final class FrameRateConverter implements WindowOperation {
    private final Interpolator interpolator;
    private final Rational inputRate;
    private final Rational outputRate;
    /** Input position of output k is k · num / den (exact). */
    private final BigInteger positionNum;
    private final BigInteger positionDen;
    private final Consumer<PairReport> reports;
    private final Map<InterpolationMethod, Long> methods = new EnumMap<>(InterpolationMethod.class);

    private Frame previous;
    private Frame current;
    private long received;
    private long nextOutput;
    private long firstTimestamp;
    private InterpolationPair pair;
    private long pairIndex = -1;
    private long interpolated;
    private long cuts;

    private FrameRateConverter(RateConversion conversion, Rational inputRate, Interpolator interpolator,
                               Consumer<PairReport> reports) {
        RateConversion.requireKnown(inputRate);
        this.interpolator = interpolator;
        this.inputRate = inputRate;
        this.outputRate = conversion.outputRate(inputRate);
        Rational s = conversion.slowdown();
        this.positionNum = BigInteger.valueOf(inputRate.num()).multiply(BigInteger.valueOf(outputRate.den()))
                .multiply(BigInteger.valueOf(s.den()));
        this.positionDen = BigInteger.valueOf(inputRate.den()).multiply(BigInteger.valueOf(outputRate.num()))
                .multiply(BigInteger.valueOf(s.num()));
        this.reports = reports;
    }

    /**
     * @param conversion   what to do
     * @param inputRate    the input's nominal frame rate (frames are placed on it)
     * @param interpolator makes the in-between frames; stays owned by the caller
     */
    public static FrameRateConverter create(RateConversion conversion, Rational inputRate, Interpolator interpolator) {
        return new FrameRateConverter(conversion, inputRate, interpolator, r -> { });
    }

    /** As {@link #create}, telling {@code reports} what was measured on every pair that was interpolated. */
    public static FrameRateConverter create(RateConversion conversion, Rational inputRate, Interpolator interpolator,
                                            Consumer<PairReport> reports) {
        return new FrameRateConverter(conversion, inputRate, interpolator, reports);
    }

    /**
     * The analysis of one input pair.
     *
     * @param firstIndex index of the pair's first input frame
     * @param analysis   what was measured and done
     */
    public record PairReport(long firstIndex, MotionAnalysis analysis) {
    }

    /** What the conversion did so far. */
    public record Summary(long inputFrames, long outputFrames, long interpolatedFrames, long pairsAnalysed,
                          long sceneCuts, Map<InterpolationMethod, Long> methods) {
    }

    public Summary summary() {
        long pairs = methods.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(received, nextOutput, interpolated, pairs, cuts, Map.copyOf(methods));
    }

    @Override
    public String id() {
        return "interpolate";
    }

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    @Override
    public long outputFrameCount(long inputCount) {
        if (inputCount <= 0) {
            return 0;
        }
        // round(n · den / num), halves up.
        BigInteger twice = BigInteger.valueOf(inputCount).multiply(positionDen).shiftLeft(1).add(positionNum);
        return twice.divide(positionNum.shiftLeft(1)).longValueExact();
    }

    @Override
    public Rational outputFrameRate(Rational rate) {
        return outputRate;
    }

    /** The output rate. */
    public Rational outputRate() {
        return outputRate;
    }

    @Override
    public List<Frame> push(Frame input) {
        Frame copy = input.copy();
        // A pair reads its two frames; all its outputs were made during the previous push.
        closePair();
        if (received == 0) {
            firstTimestamp = input.timestampMicros() == Frame.NO_TIMESTAMP ? 0 : input.timestampMicros();
        }
        if (previous != null) {
            previous.close();
        }
        previous = current;
        current = copy;
        received++;
        List<Frame> out = new ArrayList<>();
        long newest = received - 1;
        // Outputs whose position lies before the newest frame can be made now.
        while (true) {
            BigInteger[] qr = position(nextOutput);
            long whole = qr[0].longValueExact();
            if (whole >= newest) {
                break;
            }
            out.add(make(whole, qr[1]));
        }
        return out;
    }

    @Override
    public List<Frame> flush() {
        List<Frame> out = new ArrayList<>();
        long total = outputFrameCount(received);
        while (nextOutput < total) {
            // At or past the last frame: it is shown (exactly) until the end.
            out.add(emit(current.image().clone()));
        }
        closePair();
        return out;
    }

    private BigInteger[] position(long k) {
        return BigInteger.valueOf(k).multiply(positionNum).divideAndRemainder(positionDen);
    }

    /** The output at input position whole + remainder / positionDen, with whole = newest - 1 or earlier. */
    private Frame make(long whole, BigInteger remainder) {
        long newest = received - 1;
        if (whole < newest - 1) {
            throw new IllegalStateException("output " + nextOutput + " at input " + whole + " was not made in time");
        }
        if (remainder.signum() == 0) {
            return emit(previous.image().clone());
        }
        double t = remainder.doubleValue() / positionDen.doubleValue();
        InterpolationPair p = pairFor(whole);
        Mat picture = p.at(t);
        if (p.analysis().method() != InterpolationMethod.REPEAT) {
            interpolated++;
        }
        return emit(picture);
    }

    private InterpolationPair pairFor(long first) {
        if (pairIndex != first) {
            closePair();
            pair = interpolator.prepare(previous.image(), current.image());
            pairIndex = first;
            MotionAnalysis a = pair.analysis();
            methods.merge(a.method(), 1L, Long::sum);
            if (a.sceneChange()) {
                cuts++;
            }
            reports.accept(new PairReport(first, a));
        }
        return pair;
    }

    private Frame emit(Mat picture) {
        long k = nextOutput++;
        long micros = firstTimestamp + BigInteger.valueOf(k).multiply(BigInteger.valueOf(1_000_000L * outputRate.den()))
                .add(BigInteger.valueOf(outputRate.num() / 2)).divide(BigInteger.valueOf(outputRate.num()))
                .longValueExact();
        return new Frame(picture, k, micros);
    }

    private void closePair() {
        if (pair != null) {
            pair.close();
            pair = null;
            pairIndex = -1;
        }
    }

    @Override
    public void close() {
        closePair();
        if (previous != null) {
            previous.close();
            previous = null;
        }
        if (current != null) {
            current.close();
            current = null;
        }
    }

    @Override
    public String toString() {
        return "FrameRateConverter[" + inputRate + " -> " + outputRate + "]";
    }
}
