package dev.storycore.enhance.ops.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the analyser found in one picture.
 *
 * @param measurements the raw values
 * @param dimensions   the eight dimension scores, in {@link QualityDimension} order
 * @param overall      overall score in [0,1]: 0.7 x the weighted mean of the seven picture dimensions
 *                     + 0.3 x the worst of them (one bad dimension spoils a picture); detail
 *                     preservation is reported but not included (it judges an operation)
 * @param issues       problems found, worst first
 * @param style        looks judged deliberate
 */
public record QualityReport(Measurements measurements, Map<QualityDimension, DimensionScore> dimensions,
                            double overall, List<QualityIssue> issues, Set<StyleTrait> style) {
    public QualityReport {
        Objects.requireNonNull(measurements, "measurements");
        EnumMap<QualityDimension, DimensionScore> copy = new EnumMap<>(QualityDimension.class);
        copy.putAll(dimensions);
        if (copy.size() != QualityDimension.values().length) {
            throw new IllegalArgumentException("a report needs all " + QualityDimension.values().length
                    + " dimensions, got " + copy.keySet());
        }
        dimensions = Collections.unmodifiableMap(copy);
        issues = List.copyOf(issues);
        style = Set.copyOf(style);
    }

    public double score(QualityDimension dimension) {
        return dimensions.get(dimension).score();
    }

    public DimensionScore dimension(QualityDimension dimension) {
        return dimensions.get(dimension);
    }

    public boolean has(StyleTrait trait) {
        return style.contains(trait);
    }
}
