package dev.storycore.enhance.ops.quality;

/** How much an issue hurts the picture; derived from the dimension's score. */
public enum Severity {
    /** Score below 0.75: visible to a careful viewer. */
    MINOR,
    /** Score below 0.5: visible to anyone. */
    MODERATE,
    /** Score below 0.25: spoils the picture. */
    SEVERE;

    /** The severity for a score, or {@code null} when the score is good enough to raise no issue. */
    static Severity forScore(double score) {
        if (score < 0.25) {
            return SEVERE;
        }
        if (score < 0.5) {
            return MODERATE;
        }
        if (score < 0.75) {
            return MINOR;
        }
        return null;
    }
}
