package dev.storycore.enhance.ops.interpolate;

/**
 * When a frame pair counts as a scene cut. Two measures, both computed on the grey working-resolution
 * pair (see docs/interpolation.md for how the defaults were chosen):
 *
 * <ul>
 *   <li>the Bhattacharyya distance between 64-bin grey histograms: a cut to a differently lit or
 *       coloured shot moves it far; motion within a shot hardly does;</li>
 *   <li>the flow's failure to explain the change: the share of pixels whose grey value differs by more
 *       than 24 levels from frame 1 at x + flow(x) (unexplained), together with the share failing the
 *       forward–backward check (occluded). A cut between two shots with similar histograms leaves both
 *       high, while motion that DIS follows leaves few pixels unexplained.</li>
 * </ul>
 *
 * A pair is a cut when {@code histogramDistance > histogram}, or when
 * {@code unexplainedFraction > unexplained && occludedFraction > occlusion}.
 */
public record SceneCutThresholds(double histogram, double unexplained, double occlusion) {
    public static final SceneCutThresholds DEFAULT = new SceneCutThresholds(0.45, 0.15, 0.35);
    /** Never reports a cut (for material known to be one shot). */
    public static final SceneCutThresholds NEVER = new SceneCutThresholds(1.01, 1.01, 1.01);

    public SceneCutThresholds {
        if (!(histogram > 0) || !(unexplained > 0) || !(occlusion > 0)) {
            throw new IllegalArgumentException("scene-cut thresholds must be positive: " + histogram + ", "
                    + unexplained + ", " + occlusion);
        }
    }

    public boolean isCut(double histogramDistance, double unexplainedFraction, double occludedFraction) {
        return histogramDistance > histogram || (unexplainedFraction > unexplained && occludedFraction > occlusion);
    }
}
