package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.meanStdDev;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Luminance statistics for contrast and exposure, from the 8-bit luma (Rec. 601 weights) of the
 * small copy: mean, RMS contrast (standard deviation of luma in [0,1], Peli 1990 "Contrast in complex
 * images"), the 1st-99th percentile spread, and the shares of clipped highlights (luma >= 250) and
 * crushed shadows (luma <= 5).
 *
 * @param meanLuma         mean luma in [0,1]
 * @param rmsContrast      standard deviation of luma in [0,1]
 * @param p1               1st percentile of luma (0-255)
 * @param p99              99th percentile of luma (0-255)
 * @param highlightClipped share of pixels with luma >= 250
 * @param shadowClipped    share of pixels with luma <= 5
 */
record ToneStatistics(double meanLuma, double rmsContrast, int p1, int p99, double highlightClipped,
                      double shadowClipped) {
    static final int HIGHLIGHT = 250;
    static final int SHADOW = 5;

    static ToneStatistics measure(AnalysisImages images) {
        long[] h = PixelStats.histogram(images.smallGrey);
        double mean;
        double sd;
        try (Mat mu = new Mat(); Mat s = new Mat()) {
            meanStdDev(images.smallGrey, mu, s);
            mean = new DoublePointer(mu.data()).get(0);
            sd = new DoublePointer(s.data()).get(0);
        }
        return new ToneStatistics(mean / 255, sd / 255, PixelStats.percentile(h, 0.01), PixelStats.percentile(h, 0.99),
                PixelStats.fraction(h, HIGHLIGHT, 255), PixelStats.fraction(h, 0, SHADOW));
    }

    /** Percentile spread p99 - p1 as a share of the 8-bit range. */
    double spread() {
        return (p99 - p1) / 255.0;
    }
}
