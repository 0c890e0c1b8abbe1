package dev.storycore.enhance.ops.quality;

/** Feedback for one dimension: its score before and after a correction run. */
public record DimensionChange(QualityDimension dimension, double before, double after) {
    public double delta() {
        return after - before;
    }
}
