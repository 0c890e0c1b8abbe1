package dev.storycore.enhance.ops.interpolate;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import java.nio.ByteBuffer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The motion of one frame pair at the working resolution w x h.
 *
 * @param f01       flow frame 0 → 1, interleaved (dx, dy)
 * @param f10       flow frame 1 → 0
 * @param vis0      per pixel of frame 0: 1 = visible in frame 1 (consistent flow), 0 = occluded; softened
 * @param vis1      the same for frame 1
 * @param g0        frame 0, grey 8-bit
 * @param g1        frame 1, grey 8-bit
 * @param occluded  share of frame 0 that fails the consistency check
 * @param warpError mean absolute grey error of frame 1 warped onto frame 0 (consistent pixels)
 * @param unexplained share of pixels the flow leaves with a large grey error
 */
record PairMotion(float[] f01, float[] f10, float[] vis0, float[] vis1, byte[] g0, byte[] g1, int w, int h,
                  double occluded, double warpError, double unexplained) {

    /** A 0/255 mask as 0..1 floats averaged over 3x3, so blending weights do not switch at a single pixel. */
    static float[] soften(byte[] mask, int w, int h) {
        try (Mat m = new Mat(h, w, CV_8UC1); Mat blurred = new Mat(); Mat f = new Mat()) {
            ((ByteBuffer) m.createBuffer()).put(mask);
            opencv_imgproc.blur(m, blurred, new Size(3, 3));
            blurred.convertTo(f, CV_32F, 1.0 / 255, 0);
            return Pictures.floats(f);
        }
    }
}
