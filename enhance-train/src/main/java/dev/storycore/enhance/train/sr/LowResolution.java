package dev.storycore.enhance.train.sr;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Makes the low-resolution input of a training or validation pair. */
final class LowResolution {
    private LowResolution() {
    }

    /** {@code hr} (sides multiples of {@code scale}) shrunk by {@code scale}; the caller closes the result. */
    static Mat downscale(Mat hr, int scale) {
        Mat lr = new Mat();
        resize(hr, lr, new Size(hr.cols() / scale, hr.rows() / scale), 0, 0, INTER_CUBIC);
        return lr;
    }
}
