package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_DEFAULT;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Gaussian blur with the kernel size derived from sigma and reflected borders. */
final class Blur {
    private Blur() {
    }

    static void gaussian(Mat src, Mat dst, double sigma) {
        try (Size auto = new Size(0, 0)) {
            GaussianBlur(src, dst, auto, sigma, sigma, BORDER_REFLECT101, ALGO_HINT_DEFAULT);
        }
    }

    static Mat gaussian(Mat src, double sigma) {
        Mat dst = new Mat();
        gaussian(src, dst, sigma);
        return dst;
    }
}
