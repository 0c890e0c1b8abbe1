package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.Rational;

/**
 * How inputs are read.
 *
 * @param maxPixels         the largest picture accepted (width x height), checked against the file header before
 *                          anything is decoded; default {@link #DEFAULT_MAX_PIXELS}
 * @param sequenceFrameRate frame rate given to image sequences and folders, which carry none; default 25
 * @param allowPartial      when false (default) a truncated or corrupt video raises an error once the damage is
 *                          met, so a partial result is never mistaken for a complete one; when true the source
 *                          ends at the last decodable frame and {@link MediaSource#damage()} says what was lost
 */
public record ReadOptions(long maxPixels, Rational sequenceFrameRate, boolean allowPartial) {
    /**
     * 16384 x 16384 = 268 megapixels (about 805 MB as 8-bit BGR), well above 8K video and most photos; the
     * system property {@code storycore.max-pixels} overrides it (e.g. through STORYCORE_JAVA_OPTS).
     */
    public static final long DEFAULT_MAX_PIXELS = Long.getLong("storycore.max-pixels", 16384L * 16384L);

    public ReadOptions {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        if (sequenceFrameRate == null || sequenceFrameRate.isZero()) {
            throw new IllegalArgumentException("an image sequence needs a positive frame rate");
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(DEFAULT_MAX_PIXELS, Rational.of(25, 1), false);
    }

    public ReadOptions withMaxPixels(long pixels) {
        return new ReadOptions(pixels, sequenceFrameRate, allowPartial);
    }

    public ReadOptions withSequenceFrameRate(Rational rate) {
        return new ReadOptions(maxPixels, rate, allowPartial);
    }

    public ReadOptions withAllowPartial(boolean allow) {
        return new ReadOptions(maxPixels, sequenceFrameRate, allow);
    }
}
