package dev.storycore.enhance.ops.interpolate;

import java.util.Objects;

/**
 * How frames are interpolated.
 *
 * @param quality   the speed/quality level of the classical (flow) path
 * @param cutPolicy what to show between two frames that straddle a scene cut
 * @param cuts      when a pair counts as a scene cut
 * @param adaptive  whether to take cheaper paths for static pairs and a second, stronger flow measurement
 *                  for complex motion (see {@link InterpolationMethod})
 */
public record InterpolationSettings(InterpolationQuality quality, CutPolicy cutPolicy, SceneCutThresholds cuts,
                                    boolean adaptive) {
    public InterpolationSettings {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(cutPolicy, "cutPolicy");
        Objects.requireNonNull(cuts, "cuts");
    }

    public static InterpolationSettings defaults() {
        return new InterpolationSettings(InterpolationQuality.STANDARD, CutPolicy.REPEAT_NEAREST,
                SceneCutThresholds.DEFAULT, true);
    }

    public InterpolationSettings withQuality(InterpolationQuality q) {
        return new InterpolationSettings(q, cutPolicy, cuts, adaptive);
    }

    public InterpolationSettings withCutPolicy(CutPolicy p) {
        return new InterpolationSettings(quality, p, cuts, adaptive);
    }

    public InterpolationSettings withCuts(SceneCutThresholds c) {
        return new InterpolationSettings(quality, cutPolicy, c, adaptive);
    }

    public InterpolationSettings withAdaptive(boolean a) {
        return new InterpolationSettings(quality, cutPolicy, cuts, a);
    }
}
