package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_core.convertScaleAbs;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Ringing (mosquito noise, Gibbs oscillation) next to strong edges. Following the region split of
 * ringing metrics such as Liu, Klomp and Heynderickx ("A perceptually relevant approach to ringing
 * region detection", IEEE TIP 19(6), 2010), pixels are divided by their distance to strong edges;
 * ringing raises the high-frequency activity (mean |Laplacian|) in a band 2-4 pixels from strong
 * edges relative to the activity far from any edge. The ratio band / far is the ringing ratio:
 * textured photographs sit around 1-3, JPEG at low quality and over-sharpened pictures higher.
 * Noise raises both regions alike, so it does not read as ringing.
 */
final class Ringing {
    /** Gradient (|Gx|+|Gy|)/4 above which a pixel is a strong edge: a step of about 40 grey levels. */
    static final int STRONG_EDGE = 40;

    /** @param ratio band activity / far activity; @param edgeShare share of pixels on strong edges */
    record Result(double ratio, double edgeShare) {
    }

    private Ringing() {
    }

    static Result measure(AnalysisImages images) {
        int t = Math.max(STRONG_EDGE, PixelStats.percentile(images.gradientHistogram(), 0.95));
        double bandSum = 0;
        long bandCount = 0;
        double farSum = 0;
        long farCount = 0;
        long edgeCount = 0;
        long total = 0;
        try (Mat k3 = getStructuringElement(MORPH_RECT, new Size(3, 3));
             Mat k9 = getStructuringElement(MORPH_RECT, new Size(9, 9));
             Mat k21 = getStructuringElement(MORPH_RECT, new Size(21, 21))) {
            for (AnalysisImages.Band b : images.bands) {
                try (Mat edges = new Mat(); Mat near = new Mat(); Mat band = new Mat(); Mat far = new Mat();
                     Mat lap = new Mat(); Mat activity = new Mat()) {
                    threshold(b.gradient(), edges, t, 255, THRESH_BINARY);
                    edgeCount += countNonZero(edges);
                    total += edges.total();
                    dilate(edges, near, k3);
                    dilate(edges, band, k9);
                    bitwise_not(near, near);
                    bitwise_and(band, near, band);
                    dilate(edges, far, k21);
                    bitwise_not(far, far);
                    Laplacian(b.grey, lap, CV_16S);
                    convertScaleAbs(lap, activity, 0.25, 0);
                    long nb = countNonZero(band);
                    long nf = countNonZero(far);
                    bandSum += nb == 0 ? 0 : mean(activity, band).get(0) * nb;
                    farSum += nf == 0 ? 0 : mean(activity, far).get(0) * nf;
                    bandCount += nb;
                    farCount += nf;
                }
            }
        }
        double edgeShare = total == 0 ? 0 : (double) edgeCount / total;
        if (edgeCount < total / 1000 || farCount < total / 100 || bandCount < total / 1000) {
            return new Result(1.0, edgeShare);
        }
        // +1.5 keeps a perfectly flat background (synthetic pictures) from turning anti-aliased edges into "ringing"
        return new Result((bandSum / bandCount + 1.5) / (farSum / farCount + 1.5), edgeShare);
    }
}
