package dev.storycore.enhance.ops.interpolate;

/** How hard a frame pair is to interpolate, from its measured motion (thresholds in {@link MotionAnalysis}). */
public enum MotionComplexity {
    SIMPLE, MODERATE, COMPLEX, VERY_COMPLEX
}
