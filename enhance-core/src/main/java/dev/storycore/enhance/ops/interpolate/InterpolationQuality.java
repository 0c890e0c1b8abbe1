package dev.storycore.enhance.ops.interpolate;

import dev.storycore.enhance.ops.motion.FlowPreset;
import dev.storycore.enhance.ops.motion.FlowSettings;

/**
 * Speed/quality levels of the classical interpolator: which DIS preset measures the motion and at what
 * working resolution (a fraction of the frame, capped in width so 4K costs about what 1080p does).
 * Figures for each level are in docs/BENCHMARKS.md.
 */
public enum InterpolationQuality {
    /** DIS ULTRAFAST on a quarter-size pair: for previews. */
    PREVIEW(FlowPreset.ULTRAFAST, 0.25, 320, FlowSettings.PRESET_DEFAULT),
    /** DIS FAST on a half-size pair: the default. */
    STANDARD(FlowPreset.FAST, 0.5, 640, FlowSettings.PRESET_DEFAULT),
    /** DIS MEDIUM on a half-size pair with variational refinement. */
    HIGH(FlowPreset.MEDIUM, 0.5, 960, 10),
    /** DIS MEDIUM at full size with more variational refinement. */
    MAXIMUM(FlowPreset.MEDIUM, 1.0, 1920, 20);

    private final FlowPreset preset;
    private final double scale;
    private final int maxFlowWidth;
    private final int refinement;

    InterpolationQuality(FlowPreset preset, double scale, int maxFlowWidth, int refinement) {
        this.preset = preset;
        this.scale = scale;
        this.maxFlowWidth = maxFlowWidth;
        this.refinement = refinement;
    }

    /** The flow settings for frames of the given width (the scale is lowered for wide frames). */
    public FlowSettings flowSettings(int frameWidth) {
        double s = Math.min(scale, (double) maxFlowWidth / frameWidth);
        return new FlowSettings(preset, Math.min(1.0, s), refinement);
    }

    /** Parses "preview", "standard", "high", "maximum" (any case). */
    public static InterpolationQuality parse(String text) {
        for (InterpolationQuality q : values()) {
            if (q.name().equalsIgnoreCase(text.trim())) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown interpolation quality '" + text
                + "' (use preview, standard, high or maximum)");
    }
}
