package dev.storycore.enhance.ops.quality;

import java.util.Map;
import java.util.Objects;

/**
 * The score of one dimension and the raw measurements it came from.
 *
 * @param dimension    which dimension
 * @param score        in [0,1], 1 = no problem
 * @param measured     false when the dimension could not be measured (detail preservation without
 *                     a reference frame); such a score is 1 and does not count in the overall score
 * @param method       the named method, e.g. "blur effect (Crete-Roffet et al. 2007)"
 * @param measurements the raw values behind the score, by name, in the units docs/quality.md gives
 */
public record DimensionScore(QualityDimension dimension, double score, boolean measured, String method,
                             Map<String, Double> measurements) {
    public DimensionScore {
        Objects.requireNonNull(dimension, "dimension");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException(dimension + " score must be in [0,1], got " + score);
        }
        measurements = Map.copyOf(measurements);
    }

    /** One raw measurement, or NaN when absent. */
    public double measurement(String name) {
        Double v = measurements.get(name);
        return v == null ? Double.NaN : v;
    }
}
