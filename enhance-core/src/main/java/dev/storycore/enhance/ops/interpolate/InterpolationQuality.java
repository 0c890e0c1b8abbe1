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
    PREVIEW(FlowPreset.ULTRAFAST, 0.25, 320, FlowSettings.PRESET_DEFAULT, 1),
    /** DIS ULTRAFAST on a half-size pair, finest level 1: the default (measured best for its cost). */
    STANDARD(FlowPreset.ULTRAFAST, 0.5, 640, FlowSettings.PRESET_DEFAULT, 1),
    /** DIS FAST on a half-size pair down to its finest level, with variational refinement. */
    HIGH(FlowPreset.FAST, 0.5, 960, FlowSettings.PRESET_DEFAULT, 0),
    /** DIS MEDIUM at full size with more variational refinement. */
    MAXIMUM(FlowPreset.MEDIUM, 1.0, 1920, 10, 1);

    private final FlowPreset preset;
    private final double scale;
    private final int maxFlowWidth;
    private final int refinement;
    private final int finestScale;

    InterpolationQuality(FlowPreset preset, double scale, int maxFlowWidth, int refinement, int finestScale) {
        this.preset = preset;
        this.scale = scale;
        this.maxFlowWidth = maxFlowWidth;
        this.refinement = refinement;
        this.finestScale = finestScale;
    }

    /** The flow settings for frames of the given width (the scale is lowered for wide frames). */
    public FlowSettings flowSettings(int frameWidth) {
        double s = Math.min(scale, (double) maxFlowWidth / frameWidth);
        return new FlowSettings(preset, Math.min(1.0, s), refinement, finestScale);
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
