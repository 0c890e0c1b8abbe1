package dev.storycore.enhance.ops.motion;

/**
 * How {@link DenseFlow} measures motion.
 *
 * @param preset                the DIS preset
 * @param scale                 working resolution as a fraction of the input (0 &lt; scale ≤ 1); the flow is
 *                              measured on pictures resized by this factor, then resized back and its
 *                              vectors divided by it. 0.5 is about 4 times cheaper than 1 and rarely worse
 *                              on noisy video.
 * @param refinementIterations  variational refinement iterations, or {@link #PRESET_DEFAULT} to keep the
 *                              preset's own number; more iterations give smoother, sharper-edged flow
 * @param finestScale           the finest DIS pyramid level (0 = the working resolution, 1 = half of it,
 *                              ...), or {@link #PRESET_DEFAULT} for the preset's (2 for ULTRAFAST and FAST,
 *                              1 for MEDIUM); a finer level resolves smaller moving objects at a higher cost
 */
public record FlowSettings(FlowPreset preset, double scale, int refinementIterations, int finestScale) {
    public static final int PRESET_DEFAULT = -1;

    public FlowSettings {
        if (preset == null) {
            throw new IllegalArgumentException("flow preset is required (ULTRAFAST, FAST or MEDIUM)");
        }
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("flow scale must be in (0, 1], got " + scale);
        }
        if (refinementIterations < PRESET_DEFAULT) {
            throw new IllegalArgumentException("refinement iterations must be >= 0 (or PRESET_DEFAULT), got "
                    + refinementIterations);
        }
        if (finestScale < PRESET_DEFAULT || finestScale > 8) {
            throw new IllegalArgumentException("finest scale must be in 0..8 (or PRESET_DEFAULT), got " + finestScale);
        }
    }

    public FlowSettings(FlowPreset preset, double scale, int refinementIterations) {
        this(preset, scale, refinementIterations, PRESET_DEFAULT);
    }

    /** The preset at full resolution with its own refinement. */
    public static FlowSettings of(FlowPreset preset) {
        return new FlowSettings(preset, 1.0, PRESET_DEFAULT, PRESET_DEFAULT);
    }

    public FlowSettings withScale(double newScale) {
        return new FlowSettings(preset, newScale, refinementIterations, finestScale);
    }

    public FlowSettings withRefinement(int iterations) {
        return new FlowSettings(preset, scale, iterations, finestScale);
    }

    public FlowSettings withFinestScale(int level) {
        return new FlowSettings(preset, scale, refinementIterations, level);
    }
}
