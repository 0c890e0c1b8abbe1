package dev.storycore.enhance.ops.quality;

import java.util.Objects;

/**
 * One problem found in a picture.
 *
 * @param dimension   the dimension whose score raised it
 * @param severity    how bad it is
 * @param description what was measured, in words, e.g. "noise sigma 24.1 (of 255)"
 * @param intentional true when the analyser judged the trait a deliberate look (a stylized frame),
 *                    in which case the automatic mode leaves it alone unless asked
 */
public record QualityIssue(QualityDimension dimension, Severity severity, String description, boolean intentional) {
    public QualityIssue {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
    }
}
