package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Pencil-stroke textures: seeded white noise smeared along one direction (a line kernel), which turns
 * into parallel graphite streaks once thresholded. Layers at different angles, switched on by how dark the
 * picture is, give tonal cross-hatching (as in the tone layer of Lu, Xu and Jia, "Combining sketch and tone
 * for pencil drawing production", NPAR 2012).
 */
final class Hatching {
    private Hatching() {
    }

    /** Streak strength 0..1 per pixel along {@code angleDeg}, streaks about {@code length} pixels long. */
    static float[] streaks(int w, int h, double angleDeg, int length, long seed, long salt) {
        float[] noise = new float[w * h];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) Hash.unit(seed, i, salt);
        }
        int k = length | 1;
        float[] out;
        try (Mat n = Pixels.mat(noise, h, w, 1); Mat kernel = new Mat(k, k, CV_32F, new Scalar(0));
             Mat smeared = new Mat()) {
            double a = Math.toRadians(angleDeg);
            double c = (k - 1) / 2.0;
            double dx = Math.cos(a) * c;
            double dy = -Math.sin(a) * c;
            try (Point p0 = new Point((int) Math.round(c - dx), (int) Math.round(c - dy));
                 Point p1 = new Point((int) Math.round(c + dx), (int) Math.round(c + dy));
                 Scalar one = new Scalar(1)) {
                line(kernel, p0, p1, one, 1, LINE_AA, 0);
            }
            double sum = org.bytedeco.opencv.global.opencv_core.sumElems(kernel).get(0);
            kernel.convertTo(kernel, CV_32F, 1 / sum, 0);
            filter2D(n, smeared, CV_32F, kernel, new Point(-1, -1), 0, BORDER_REFLECT101);
            out = Pixels.floats(smeared);
        }
        // A mean of ~k uniforms has spread ~0.29/sqrt(k); rescale so streaks span 0..1.
        float gain = (float) (Math.sqrt(k) / 0.29 / 2.2);
        for (int i = 0; i < out.length; i++) {
            out[i] = Pixels.clamp01(0.5f + (out[i] - 0.5f) * gain);
        }
        return out;
    }
}
