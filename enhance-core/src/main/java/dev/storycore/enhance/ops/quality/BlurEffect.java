package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.sumElems;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO;
import static org.bytedeco.opencv.global.opencv_imgproc.blur;
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
 * much of its variation when re-blurred (blur near 0.2-0.35), an already blurred one little (0.5+).
 * The result is in [0,1]; the larger of the horizontal and vertical values is reported.
 */
final class BlurEffect {
    static final int TAPS = 9;

    private BlurEffect() {
    }

    static double measure(Mat grey8) {
        try (Mat f = new Mat()) {
            grey8.convertTo(f, CV_32F);
            double vertical = axisBlur(f, true);
            double horizontal = axisBlur(f, false);
            return Math.max(vertical, horizontal);
        }
    }

    private static double axisBlur(Mat f, boolean vertical) {
        try (Mat b = new Mat();
             Size k = vertical ? new Size(1, TAPS) : new Size(TAPS, 1);
             Point anchor = new Point(-1, -1)) {
            blur(f, b, k, anchor, org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT);
            try (Mat dF = neighbourDifference(f, vertical);
                 Mat dB = neighbourDifference(b, vertical);
                 Mat v = new Mat()) {
                subtract(dF, dB, v);
                threshold(v, v, 0, 0, THRESH_TOZERO);
                double sF = sumElems(dF).get(0);
                double sV = sumElems(v).get(0);
                return sF <= 0 ? 1.0 : (sF - sV) / sF;
            }
        }
    }

    /** |x(i) - x(i-1)| along one axis. */
    private static Mat neighbourDifference(Mat m, boolean vertical) {
        int w = m.cols();
        int h = m.rows();
        Rect a = vertical ? new Rect(0, 1, w, h - 1) : new Rect(1, 0, w - 1, h);
        Rect b = vertical ? new Rect(0, 0, w, h - 1) : new Rect(0, 0, w - 1, h);
        Mat out = new Mat();
        try (a; b; Mat ma = new Mat(m, a); Mat mb = new Mat(m, b)) {
            absdiff(ma, mb, out);
        }
        return out;
    }
}
