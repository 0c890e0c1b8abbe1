package dev.storycore.enhance.model;

/** The numeric range of a network's pixels, e.g. [0,1] or [0,255]. */
public record ValueRange(float min, float max) {
    public static final ValueRange UNIT = new ValueRange(0f, 1f);
    public static final ValueRange BYTE = new ValueRange(0f, 255f);

    public ValueRange {
        if (!(max > min)) {
            throw new IllegalArgumentException("value range needs max > min: [" + min + ", " + max + "]");
        }
    }
}
