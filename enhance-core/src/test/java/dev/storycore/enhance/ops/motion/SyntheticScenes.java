package dev.storycore.enhance.ops.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.ByteBuffer;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/** Deterministic test pictures with texture at several scales, so optical flow has something to lock onto. */
public final class SyntheticScenes {
    private SyntheticScenes() {
    }

    /** Smooth random colour texture (blurred noise at two scales), BGR 8-bit. */
    public static Mat texture(int width, int height, long seed) {
        Random rnd = new Random(seed);
        Mat result = new Mat(height, width, CV_8UC3);
        try (Mat coarse = noise(width, height, rnd, 9); Mat fine = noise(width, height, rnd, 2)) {
            Mat sum = new Mat();
            opencv_core.addWeighted(coarse, 0.65, fine, 0.35, 0, sum);
            sum.convertTo(result, opencv_core.CV_8U);
            sum.close();
        }
        return result;
    }

    /** {@code source} translated by (dx, dy) with bicubic resampling: out(x) = source(x - d). */
    public static Mat translated(Mat source, double dx, double dy) {
        Mat out = new Mat();
        try (Mat m = new Mat(2, 3, opencv_core.CV_64F)) {
            double[] affine = {1, 0, dx, 0, 1, dy};
            ((java.nio.DoubleBuffer) m.createBuffer()).put(affine);
            opencv_imgproc.warpAffine(source, out, m, source.size(), opencv_imgproc.INTER_CUBIC,
                    opencv_core.BORDER_REFLECT, new org.bytedeco.opencv.opencv_core.Scalar());
        }
        return out;
    }

    /** {@code background} with a square cut from {@code foreground} pasted at (x, y). */
    public static Mat withSquare(Mat background, Mat foreground, int x, int y, int side) {
        Mat out = background.clone();
        try (Mat src = new Mat(foreground, new Rect(0, 0, side, side)); Mat dst = new Mat(out, new Rect(x, y, side, side))) {
            src.copyTo(dst);
        }
        return out;
    }

    /** The central part of a picture, leaving {@code border} pixels on every side. */
    public static Mat interior(Mat m, int border) {
        return new Mat(m, new Rect(border, border, m.cols() - 2 * border, m.rows() - 2 * border));
    }

    public static double psnr(Mat a, Mat b) {
        return opencv_core.PSNR(a, b);
    }

    private static Mat noise(int width, int height, Random rnd, double sigma) {
        Mat m = new Mat(height, width, CV_8UC3);
        byte[] px = new byte[width * height * 3];
        rnd.nextBytes(px);
        ((ByteBuffer) m.createBuffer()).put(px);
        Mat f = new Mat();
        m.convertTo(f, CV_32F);
        m.close();
        Mat blurred = new Mat();
        opencv_imgproc.GaussianBlur(f, blurred, new Size(0, 0), sigma);
        f.close();
        // Stretch the blurred noise back to a usable contrast around mid-grey.
        Mat stretched = new Mat();
        blurred.convertTo(stretched, CV_32F, sigma > 4 ? 14.0 : 5.0, 128 - (sigma > 4 ? 14.0 : 5.0) * 127.5);
        blurred.close();
        return stretched;
    }
}
