package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.NORM_L1;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.sepFilter2D;
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
        int edgeThreshold = PixelStats.percentile(images.gradientHistogram(), 1 - EDGE_FRACTION);
        double[] l1 = new double[3];
        long n = 0;
        try (Mat kernel = immerkaerKernel()) {  // separable: [1 -2 1]^T [1 -2 1]
            for (AnalysisImages.Band band : images.bands) {
                try (Mat response = new Mat(); Mat mask = nonEdgeMask(band, edgeThreshold);
                     MatVector channels = new MatVector()) {
                    sepFilter2D(band.bgr, response, CV_16S, kernel, kernel);
                    split(response, channels);
                    n += countNonZero(mask);
                    for (int c = 0; c < 3; c++) {
                        try (Mat channel = channels.get(c)) {
                            l1[c] += norm(channel, NORM_L1, mask);
                        }
                    }
                }
            }
        }
        if (n < 64) {
            return new Result(0, new double[] {0, 0, 0});
        }
        double[] sigmas = new double[3];
        for (int c = 0; c < 3; c++) {
            sigmas[c] = SQRT_HALF_PI * l1[c] / (6.0 * n);
        }
        return new Result((sigmas[0] + sigmas[1] + sigmas[2]) / 3, sigmas);
    }

    /** Non-edge, unclipped pixels: where the estimate is reliable. */
    private static Mat nonEdgeMask(AnalysisImages.Band band, int edgeThreshold) {
        Mat mask = new Mat();
        threshold(band.gradient(), mask, edgeThreshold, 255, THRESH_BINARY_INV);
        try (Mat unclipped = new Mat(); Mat lo = Mats.scalar(3); Mat hi = Mats.scalar(252)) {
            inRange(band.grey, lo, hi, unclipped);
            bitwise_and(mask, unclipped, mask);
        }
        return mask;
    }

    /**
     * One factor of Immerkaer's mask [1 -2 1; -2 4 -2; 1 -2 1] (the difference of two Laplacians,
     * which cancels smooth image structure), which is the outer product of [1 -2 1] with itself.
     */
    private static Mat immerkaerKernel() {
        Mat k = new Mat(1, 3, CV_32F);
        new FloatPointer(k.data()).put(1, -2, 1);
        return k;
    }
}
