package dev.storycore.enhance.ops.interpolate;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Synthesizes frames between two pictures. Measure a pair once with {@link #prepare}, then ask the pair
 * for as many times t as needed (a 24 → 60 fps conversion asks two or three per pair).
 * Not thread-safe; use one per thread.
 */
public interface Interpolator extends AutoCloseable {
    /** Classical interpolation: DIS optical flow, projected flow, occlusion-aware blending. */
    static Interpolator classical(InterpolationSettings settings) {
        return new FlowInterpolator(settings);
    }

    /**
     * Measures the motion between two pictures of the same size and type (grey, BGR or BGRA, 8 or 16 bits).
     * The pair reads both pictures on every call to {@link InterpolationPair#at}: keep them open until the
     * pair is closed.
     */
    InterpolationPair prepare(Mat first, Mat second);

    /** One frame at time t in [0, 1]; the caller owns the result. */
    default Mat interpolate(Mat first, Mat second, double t) {
        try (InterpolationPair pair = prepare(first, second)) {
            return pair.at(t);
        }
    }

    @Override
    default void close() {
    }
}
