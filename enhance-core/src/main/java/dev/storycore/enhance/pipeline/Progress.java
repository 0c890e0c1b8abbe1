package dev.storycore.enhance.pipeline;

import java.time.Duration;

/**
 * A snapshot of how far a run is; feeds both the CLI progress bar and the HTTP API.
 *
 * @param processed frames written so far
 * @param total     frames expected, or 0 when unknown
 * @param fps       frames per second over the run so far
 * @param elapsed   time since the run started
 * @param stage     what is running now ("decode", "upscale", "encode", ...)
 */
public record Progress(long processed, long total, double fps, Duration elapsed, String stage) {
    /** Estimated time left, or {@code null} when the total or the rate is unknown. */
    public Duration eta() {
        if (total <= 0 || fps <= 0 || processed >= total) {
            return total > 0 && processed >= total ? Duration.ZERO : null;
        }
        return Duration.ofMillis((long) ((total - processed) / fps * 1000));
    }

    /** Fraction done in [0,1], or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) processed / total);
    }
}
