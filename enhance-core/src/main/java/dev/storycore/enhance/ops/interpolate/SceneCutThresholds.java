package dev.storycore.enhance.ops.interpolate;

/**
 * When a frame pair counts as a scene cut. Two measures, both computed on the grey working-resolution
 * pair (see docs/interpolation.md for how the defaults were chosen):
 *
 * <ul>
 *   <li>the Bhattacharyya distance between 64-bin grey histograms: a cut to a differently lit or
 *       coloured shot moves it far; motion within a shot hardly does;</li>
 *   <li>the flow's failure to explain the change: the mean absolute grey error after warping frame 1
 *       back onto frame 0, together with the share of pixels failing the forward–backward check. A cut
 *       between two shots with similar histograms still leaves both high, while fast motion that DIS
 *       follows leaves the warp error low.</li>
 * </ul>
 *
 * A pair is a cut when {@code histogramDistance > histogram}, or when
 * {@code warpError > warpError && occludedFraction > occlusion}.
 */
public record SceneCutThresholds(double histogram, double warpError, double occlusion) {
    public static final SceneCutThresholds DEFAULT = new SceneCutThresholds(0.45, 14, 0.35);
    /** Never reports a cut (for material known to be one shot). */
    public static final SceneCutThresholds NEVER = new SceneCutThresholds(1.01, 256, 1.01);

    public SceneCutThresholds {
        if (!(histogram > 0) || !(warpError > 0) || !(occlusion > 0)) {
            throw new IllegalArgumentException("scene-cut thresholds must be positive: " + histogram + ", "
                    + warpError + ", " + occlusion);
        }
    }

    public boolean isCut(double histogramDistance, double meanWarpError, double occludedFraction) {
        return histogramDistance > histogram || (meanWarpError > warpError && occludedFraction > occlusion);
    }
}
