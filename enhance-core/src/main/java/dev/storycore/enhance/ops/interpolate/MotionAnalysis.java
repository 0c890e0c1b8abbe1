package dev.storycore.enhance.ops.interpolate;

/**
 * What was measured on one frame pair and what was done about it. Motion figures are in pixels of the
 * input frames.
 *
 * @param meanMotion       mean flow vector length (frame 0 → 1)
 * @param motionSpread     standard deviation of the flow vector length
 * @param p95Motion        95th percentile of the flow vector length
 * @param occludedFraction share of frame 0 whose flow fails the forward–backward consistency check
 * @param unexplainedFraction share of frame 0 that the flow does not explain: its grey value differs by more
 *                         than 24 levels (of 255) from frame 1 at x + flow(x)
 * @param histogramDistance Bhattacharyya distance of the two frames' grey histograms (0 same, 1 disjoint)
 * @param warpError        mean absolute grey difference (0–255) between frame 0 and frame 1 warped back by
 *                         the flow, over consistent pixels; high when motion cannot explain the change
 * @param sceneChange      whether the pair straddles a scene cut (see {@link SceneCutThresholds})
 * @param complexity       the complexity class
 * @param method           how the in-between frames of this pair are made
 */
public record MotionAnalysis(double meanMotion, double motionSpread, double p95Motion, double occludedFraction,
                             double unexplainedFraction, double histogramDistance, double warpError, boolean sceneChange,
                             MotionComplexity complexity, InterpolationMethod method) {

    /** p95 motion (px) and occluded share below which a pair is SIMPLE. */
    public static final double SIMPLE_MOTION = 2;
    public static final double SIMPLE_OCCLUSION = 0.02;
    /** ... MODERATE. */
    public static final double MODERATE_MOTION = 8;
    public static final double MODERATE_OCCLUSION = 0.08;
    /** ... COMPLEX; anything above is VERY_COMPLEX. */
    public static final double COMPLEX_MOTION = 32;
    public static final double COMPLEX_OCCLUSION = 0.2;

    /** The class of a pair with the given 95th-percentile motion and occluded share. */
    public static MotionComplexity classify(double p95Motion, double occludedFraction, double unexplainedFraction) {
        MotionComplexity byMotion = classify(p95Motion, occludedFraction);
        MotionComplexity byResidual = unexplainedFraction < SIMPLE_UNEXPLAINED ? MotionComplexity.SIMPLE
                : unexplainedFraction < MODERATE_UNEXPLAINED ? MotionComplexity.MODERATE
                : unexplainedFraction < COMPLEX_UNEXPLAINED ? MotionComplexity.COMPLEX : MotionComplexity.VERY_COMPLEX;
        return byMotion.compareTo(byResidual) >= 0 ? byMotion : byResidual;
    }

    /** Unexplained shares below which a pair is SIMPLE, MODERATE, COMPLEX by its residual. */
    public static final double SIMPLE_UNEXPLAINED = 0.002;
    public static final double MODERATE_UNEXPLAINED = 0.01;
    public static final double COMPLEX_UNEXPLAINED = 0.05;

    static MotionComplexity classify(double p95Motion, double occludedFraction) {
        if (p95Motion < SIMPLE_MOTION && occludedFraction < SIMPLE_OCCLUSION) {
            return MotionComplexity.SIMPLE;
        }
        if (p95Motion < MODERATE_MOTION && occludedFraction < MODERATE_OCCLUSION) {
            return MotionComplexity.MODERATE;
        }
        if (p95Motion < COMPLEX_MOTION && occludedFraction < COMPLEX_OCCLUSION) {
            return MotionComplexity.COMPLEX;
        }
        return MotionComplexity.VERY_COMPLEX;
    }

    MotionAnalysis withMethod(InterpolationMethod m) {
        return new MotionAnalysis(meanMotion, motionSpread, p95Motion, occludedFraction, unexplainedFraction,
                histogramDistance,
                warpError, sceneChange, complexity, m);
    }
}
