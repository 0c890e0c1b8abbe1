package dev.storycore.enhance.ops.interpolate;

/** What to show between two frames that straddle a scene cut. No policy ever blends across the cut. */
public enum CutPolicy {
    /** The input frame nearer in time (the earlier one at exactly half-way). The default. */
    REPEAT_NEAREST,
    /** Always the frame before the cut. */
    REPEAT_PREVIOUS,
    /** Always the frame after the cut. */
    REPEAT_NEXT;

    /** True when the frame before the cut should be shown at time t in (0, 1). */
    boolean showsFirst(double t) {
        return switch (this) {
            case REPEAT_NEAREST -> t <= 0.5;
            case REPEAT_PREVIOUS -> true;
            case REPEAT_NEXT -> false;
        };
    }

    public static CutPolicy parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (CutPolicy p : values()) {
            if (p.name().equals(t) || p.name().equals("REPEAT_" + t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown cut policy '" + text + "' (use nearest, previous or next)");
    }
}
