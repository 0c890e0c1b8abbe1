package dev.storycore.enhance.ops.interpolate;

import org.bytedeco.opencv.opencv_core.Mat;

/** A measured frame pair that can synthesize the picture at any time between its two frames. */
public interface InterpolationPair extends AutoCloseable {
    MotionAnalysis analysis();

    /**
     * The picture at time t: t = 0 and t = 1 give exact copies of the first and second picture; across a
     * scene cut the policy's input frame is copied. The caller owns the returned Mat.
     *
     * @throws IllegalArgumentException if t is outside [0, 1]
     */
    Mat at(double t);

    @Override
    void close();
}
