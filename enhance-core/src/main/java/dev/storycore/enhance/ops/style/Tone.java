package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV_FULL;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2BGR_FULL;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;

/** Small colour adjustments shared by several styles. */
final class Tone {
    private Tone() {
    }

    /** Multiplies HSV saturation in place (1 = unchanged). */
    static void saturate(Mat bgr8, double factor) {
        if (Math.abs(factor - 1) < 1e-6) {
            return;
        }
        try (Mat hsv = new Mat()) {
            cvtColor(bgr8, hsv, COLOR_BGR2HSV_FULL);
            byte[] px = Pixels.bytes(hsv);
            for (int i = 1; i < px.length; i += 3) {
                px[i] = Pixels.clampByte(Pixels.u(px[i]) * factor);
            }
            try (Mat m = Pixels.mat(px, bgr8.rows(), bgr8.cols(), 3)) {
                cvtColor(m, bgr8, COLOR_HSV2BGR_FULL);
            }
        }
    }
}
