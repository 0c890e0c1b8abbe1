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
}
