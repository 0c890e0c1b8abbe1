package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.NORM_L1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Estimates the standard deviation of additive white noise: Immerkaer's fast noise variance
 * estimation (J. Immerkaer, "Fast Noise Variance Estimation", CVIU 64(2), 1996), restricted to
 * non-edge pixels as proposed by Tai and Yang ("A fast method for image noise estimation using
 * Laplacian operator and adaptive edge detection", ISCCSP 2008): the 10% of pixels with the
 * strongest Sobel gradient are excluded, because image structure leaks into the Laplacian-difference
 * response there. Clipped pixels (0-2, 253-255) are excluded too: clipping removes noise.
 * Runs per colour channel at full resolution (decimating would alias texture into the estimate).
 */
final class NoiseEstimator {
    /** Share of the strongest-gradient pixels treated as edges (Tai and Yang's p). */
    static final double EDGE_FRACTION = 0.10;
    private static final double SQRT_HALF_PI = Math.sqrt(Math.PI / 2);

    /** @param sigma mean over channels; @param sigmaPerChannel B, G, R; all in 8-bit units (0-255) */
    record Result(double sigma, double[] sigmaPerChannel) {
    }

    private NoiseEstimator() {
    }

    static Result estimate(AnalysisImages images) {
        try (Mat kernel = immerkaerKernel();
             Mat response = new Mat();
             Mat mask = nonEdgeMask(images);
             MatVector channels = new MatVector()) {
            filter2D(images.bgr, response, CV_16S, kernel);
            split(response, channels);
            long n = countNonZero(mask);
            if (n < 64) {
                return new Result(0, new double[] {0, 0, 0});
            }
            double[] sigmas = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                double l1;
                try (Mat channel = channels.get(c)) {
                    l1 = norm(channel, NORM_L1, mask);
                }
                sigmas[c] = SQRT_HALF_PI * l1 / (6.0 * n);
                sum += sigmas[c];
            }
            return new Result(sum / 3, sigmas);
        }
    }

    /** Non-edge, unclipped pixels: where the estimate is reliable. */
    private static Mat nonEdgeMask(AnalysisImages images) {
        Mat gradient = images.gradient();
        int t = PixelStats.percentile(images.gradientHistogram(), 1 - EDGE_FRACTION);
        Mat mask = new Mat();
        threshold(gradient, mask, t, 255, THRESH_BINARY_INV);
        try (Mat unclipped = new Mat(); Mat lo = Mats.scalar(3); Mat hi = Mats.scalar(252)) {
            inRange(images.grey, lo, hi, unclipped);
            bitwise_and(mask, unclipped, mask);
        }
        mask.convertTo(mask, CV_8U);
        return mask;
    }

    /** Immerkaer's mask: the difference of two Laplacians, which cancels smooth image structure. */
    private static Mat immerkaerKernel() {
        Mat k = new Mat(3, 3, CV_32F);
        float[] v = {1, -2, 1, -2, 4, -2, 1, -2, 1};
        new FloatPointer(k.data()).put(v);
        return k;
    }
}
