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

    /**
     * A wide Gaussian done on a reduced copy (area-downscaled so that sigma becomes 4 pixels, blurred,
     * upscaled bilinearly): for sigmas of tens of pixels this costs a few percent of the full-size filter
     * and differs from it by less than a grey level on smooth results.
     */
    static void wide(Mat src, Mat dst, double sigma) {
        if (sigma <= 8) {
            gaussian(src, dst, sigma);
            return;
        }
        double f = 4.0 / sigma;
        try (Mat small = new Mat(); Mat soft = new Mat();
             Size reduced = new Size(Math.max(1, (int) Math.round(src.cols() * f)), Math.max(1, (int) Math.round(src.rows() * f)));
             Size full = new Size(src.cols(), src.rows())) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(src, small, reduced, 0, 0,
                    org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
            gaussian(small, soft, 4.0);
            org.bytedeco.opencv.global.opencv_imgproc.resize(soft, dst, full, 0, 0,
                    org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
        }
    }

    static Mat gaussian(Mat src, double sigma) {
        Mat dst = new Mat();
        gaussian(src, dst, sigma);
        return dst;
    }
}
