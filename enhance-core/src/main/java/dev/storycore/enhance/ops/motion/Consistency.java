package dev.storycore.enhance.ops.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.ByteBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Forward–backward consistency (Sundaram, Brox &amp; Keutzer, ECCV 2010): a pixel x of A is visible in B when
 * following the forward flow to B and the backward flow back returns near x:
 * {@code |f(x) + b(x + f(x))|² < alpha · (|f(x)|² + |b(x + f(x))|²) + beta}. Pixels that fail, or whose
 * forward vector leaves the picture, are occluded (hidden or uncovered in B).
 */
public final class Consistency {
    /** Relative tolerance: 1% of the squared vector lengths (Sundaram et al.). */
    public static final double DEFAULT_ALPHA = 0.01;
    /** Absolute tolerance in squared pixels (Sundaram et al. use 0.5). */
    public static final double DEFAULT_BETA = 0.5;

    /** Vectors shorter than this on both axes (pixels) are checked against the backward vector at their own pixel. */
    private static final float NEAR = 0.05f;

    private Consistency() {
    }

    /** The visibility mask over A with the default tolerances: CV_8UC1, 255 = visible in B, 0 = occluded. */
    public static Mat visibleMask(FlowField forward, FlowField backward) {
        return visibleMask(forward, backward, DEFAULT_ALPHA, DEFAULT_BETA);
    }

    /** The visibility mask over A: CV_8UC1, 255 = visible in B, 0 = occluded. */
    public static Mat visibleMask(FlowField forward, FlowField backward, double alpha, double beta) {
        int w = forward.width();
        int h = forward.height();
        if (backward.width() != w || backward.height() != h) {
            throw new InvalidInputException("consistency: forward flow " + w + "x" + h + " and backward flow "
                    + backward.width() + "x" + backward.height() + " differ in size");
        }
        byte[] mask = visible(forward.toArray(), backward.toArray(), w, h, (float) alpha, (float) beta);
        Mat m = new Mat(h, w, CV_8UC1);
        ByteBuffer buf = m.createBuffer();
        buf.put(mask);
        return m;
    }

    /** Fraction of zero pixels in a visibility mask. */
    public static double occludedFraction(Mat visibleMask) {
        long total = visibleMask.total();
        return total == 0 ? 0 : 1.0 - (double) opencv_core.countNonZero(visibleMask) / total;
    }

    /**
     * The check on interleaved (dx, dy) arrays of a w x h picture (as from {@link FlowField#toArray()}), for
     * callers that already hold the arrays: one byte per pixel, 255 (i.e. -1) = visible, 0 = occluded.
     */
    public static byte[] visible(float[] f, float[] b, int w, int h, float alpha, float beta) {
        byte[] mask = new byte[w * h];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                float fx = f[2 * i];
                float fy = f[2 * i + 1];
                if (fx < NEAR && fx > -NEAR && fy < NEAR && fy > -NEAR) {
                    // A near-zero vector lands on its own pixel: no interpolation needed.
                    float ex = fx + b[2 * i];
                    float ey = fy + b[2 * i + 1];
                    float bb = b[2 * i] * b[2 * i] + b[2 * i + 1] * b[2 * i + 1];
                    if (ex * ex + ey * ey < alpha * (fx * fx + fy * fy + bb) + beta) {
                        mask[i] = (byte) 255;
                    }
                    continue;
                }
                float tx = x + fx;
                float ty = y + fy;
                if (tx < 0 || ty < 0 || tx > w - 1 || ty > h - 1) {
                    continue;
                }
                int x0 = Math.min((int) tx, w - 2 < 0 ? 0 : w - 2);
                int y0 = Math.min((int) ty, h - 2 < 0 ? 0 : h - 2);
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                float ax = tx - x0;
                float ay = ty - y0;
                int p00 = 2 * (y0 * w + x0);
                int p01 = 2 * (y0 * w + x1);
                int p10 = 2 * (y1 * w + x0);
                int p11 = 2 * (y1 * w + x1);
                float bx = (1 - ay) * ((1 - ax) * b[p00] + ax * b[p01]) + ay * ((1 - ax) * b[p10] + ax * b[p11]);
                float by = (1 - ay) * ((1 - ax) * b[p00 + 1] + ax * b[p01 + 1])
                        + ay * ((1 - ax) * b[p10 + 1] + ax * b[p11 + 1]);
                float ex = fx + bx;
                float ey = fy + by;
                float tolerance = alpha * (fx * fx + fy * fy + bx * bx + by * by) + beta;
                if (ex * ex + ey * ey < tolerance) {
                    mask[i] = (byte) 255;
                }
            }
        }
        return mask;
    }
}
