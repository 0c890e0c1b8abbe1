package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT;
import static org.bytedeco.opencv.global.opencv_core.CV_16S;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.sumElems;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The no-reference "blur effect" of Crete-Roffet, Dolmiere, Ladret and Nicolas ("The blur effect:
 * perception and estimation with a new no-reference perceptual blur metric", SPIE Electronic
 * Imaging 2007): the picture is re-blurred with a 9-tap box filter along each axis, and the blur
 * is the share of neighbour-difference variation the re-blur does NOT remove. A sharp picture loses
 * much of its variation when re-blurred (blur near 0.2-0.3), an already blurred one little (0.5+).
 * The result is in [0,1]; the larger of the horizontal and vertical values is reported. Computed
 * in integers: the unnormalised 9-tap sums are compared with 9x the original differences.
 */
final class BlurEffect {
    static final int TAPS = 9;

    private BlurEffect() {
    }

    static double measure(AnalysisImages images) {
        double[] vertical = new double[2];
        double[] horizontal = new double[2];
        for (AnalysisImages.Band band : images.bands) {
            accumulate(band.grey, true, vertical);
            accumulate(band.grey, false, horizontal);
        }
        return Math.max(blur(vertical), blur(horizontal));
    }

    private static double blur(double[] sums) {
        return sums[0] <= 0 ? 1.0 : (sums[0] - sums[1]) / sums[0];
    }

    /** Adds sum(9 dF) and sum(max(0, 9 dF - dB9)) of one band to {@code sums}. */
    private static void accumulate(Mat grey8, boolean vertical, double[] sums) {
        try (Mat f = new Mat(); Mat b = new Mat();
             Size k = vertical ? new Size(1, TAPS) : new Size(TAPS, 1);
             Point anchor = new Point(-1, -1)) {
            grey8.convertTo(f, CV_16S, TAPS, 0);
            boxFilter(grey8, b, CV_16S, k, anchor, false, BORDER_REFLECT);
            try (Mat dF = neighbourDifference(f, vertical);
                 Mat dB = neighbourDifference(b, vertical);
                 Mat v = new Mat()) {
                subtract(dF, dB, v);
                threshold(v, v, 0, 0, THRESH_TOZERO);
                sums[0] += sumElems(dF).get(0);
                sums[1] += sumElems(v).get(0);
            }
        }
    }

    /** |x(i) - x(i-1)| along one axis. */
    private static Mat neighbourDifference(Mat m, boolean vertical) {
        int w = m.cols();
        int h = m.rows();
        Mat out = new Mat();
        try (Rect a = vertical ? new Rect(0, 1, w, h - 1) : new Rect(1, 0, w - 1, h);
             Rect b = vertical ? new Rect(0, 0, w, h - 1) : new Rect(0, 0, w - 1, h);
             Mat ma = new Mat(m, a); Mat mb = new Mat(m, b)) {
            absdiff(ma, mb, out);
        }
        return out;
    }
}
