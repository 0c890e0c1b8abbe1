package dev.storycore.enhance.ops.quality;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A correction the advisor recommends, with parameters derived from the measurements.
 *
 * @param type                the correction
 * @param target              the dimension it improves
 * @param parameters          named parameters, e.g. {@code h_luma} for denoising (docs/quality.md lists them)
 * @param expectedImprovement predicted rise of the target dimension's score (0-1)
 * @param confidence          how sure the advisor is that the correction helps (0-1)
 * @param priority            1 = most important
 * @param warnings            side effects to expect, in words
 * @param reason              the measurement behind it, in words
 */
public record Suggestion(CorrectionType type, QualityDimension target, Map<String, Double> parameters,
                         double expectedImprovement, double confidence, int priority, List<String> warnings,
                         String reason) {
    public Suggestion {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        parameters = Map.copyOf(parameters);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(reason, "reason");
    }

    /** A parameter, or {@code fallback} when absent. */
    public double parameter(String name, double fallback) {
        Double v = parameters.get(name);
        return v == null ? fallback : v;
    }

    /** A copy with other parameters (user overrides, smoothed per-shot values). */
    public Suggestion withParameters(Map<String, Double> newParameters) {
        return new Suggestion(type, target, newParameters, expectedImprovement, confidence, priority, warnings, reason);
    }
}
