package dev.storycore.enhance.ops.interpolate;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Rational;

/**
 * What a frame-rate conversion is asked to do; resolved against the input's rate by {@link #outputRate}.
 *
 * @param targetRate the output rate, or null to derive it: the input rate times {@code multiplier}
 * @param multiplier output frames per input frame when no target rate is given (1 = keep the rate)
 * @param slowdown   how many times longer the content lasts (slow motion); 1 = real time. With slow motion
 *                   the output rate stays the input's (or the target rate) and in-between frames are made
 */
public record RateConversion(Rational targetRate, int multiplier, Rational slowdown) {
    public static final Rational REAL_TIME = Rational.of(1, 1);

    public RateConversion {
        if (targetRate != null && targetRate.num() <= 0) {
            throw new InvalidInputException("the target frame rate must be positive, got " + targetRate);
        }
        if (multiplier < 1) {
            throw new InvalidInputException("the frame multiplier must be at least 1, got " + multiplier);
        }
        if (targetRate != null && multiplier != 1) {
            throw new InvalidInputException("give either a target frame rate or a multiplier, not both");
        }
        if (slowdown == null || slowdown.num() <= 0) {
            throw new InvalidInputException("the slow-motion factor must be positive, got " + slowdown);
        }
    }

    /** Convert to {@code rate} frames per second (e.g. 60000/1001). */
    public static RateConversion toRate(Rational rate) {
        return new RateConversion(rate, 1, REAL_TIME);
    }

    /** N output frames per input frame: the rate times N. */
    public static RateConversion multiply(int n) {
        return new RateConversion(null, n, REAL_TIME);
    }

    /** Slow motion: the content lasts {@code factor} times longer at the input's rate. */
    public static RateConversion slowMotion(Rational factor) {
        return new RateConversion(null, 1, factor);
    }

    public RateConversion withSlowdown(Rational factor) {
        return new RateConversion(targetRate, multiplier, factor);
    }

    public boolean isSlowMotion() {
        return !slowdown.equals(REAL_TIME);
    }

    /** The output rate for an input at {@code inputRate}. */
    public Rational outputRate(Rational inputRate) {
        if (targetRate != null) {
            return targetRate;
        }
        requireKnown(inputRate);
        return Rational.of(Math.multiplyExact(inputRate.num(), multiplier), inputRate.den());
    }

    static void requireKnown(Rational inputRate) {
        if (inputRate == null || inputRate.num() <= 0) {
            throw new InvalidInputException("the input's frame rate is unknown, so frames cannot be placed in time;"
                    + " give the input a frame rate (e.g. re-mux it) or convert a video file with a known rate");
        }
    }
}
