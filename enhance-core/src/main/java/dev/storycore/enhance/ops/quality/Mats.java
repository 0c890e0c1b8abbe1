package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** OpenCV helpers the JavaCV signatures make verbose. */
final class Mats {
    private Mats() {
    }

    /** A 1x1 matrix that OpenCV's array functions (inRange, compare) accept as a scalar operand. */
    static Mat scalar(double value) {
        try (Scalar s = new Scalar(value)) {
            return new Mat(1, 1, CV_64F, s);
        }
    }

    /** A per-channel scalar (4x1 doubles) for the arithmetic functions (add, subtract, multiply). */
    static Mat perChannel(double c0, double c1, double c2) {
        Mat m = new Mat(4, 1, CV_64F);
        new org.bytedeco.javacpp.DoublePointer(m.data()).put(c0, c1, c2, 0);
        return m;
    }
}
