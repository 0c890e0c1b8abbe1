package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.inRange;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Colour cast in CIELAB. Two statistics:
 * <ul>
 *   <li>the near-neutral offset: the mean (a*, b*) of the pixels that should be grey (chroma below
 *       {@value #NEUTRAL_CHROMA}, lightness 10-95), a grey-world estimate restricted to pixels where
 *       the grey-world assumption is plausible. Its length is the cast in Delta-E units;</li>
 *   <li>the equivalent cast factor K = D / M of Gasparini and Schettini ("Color balancing of digital
 *       photos using simple image statistics", Pattern Recognition 37, 2004): D = distance of the
 *       mean (a*, b*) from the neutral axis, M = spread of the chroma distribution. K above 1 means
 *       the whole picture is pulled toward one hue (a cast), below 1 means varied colours.</li>
 * </ul>
 */
final class ColourCast {
    static final double NEUTRAL_CHROMA = 25.0;

    /**
     * @param neutralA     mean a* of near-neutral pixels
     * @param neutralB     mean b* of near-neutral pixels
     * @param cast         length of (neutralA, neutralB), Delta-E units
     * @param castFactor   Gasparini-Schettini K = D / M
     * @param chromaSpread Gasparini-Schettini M = sqrt(var(a*) + var(b*))
     * @param meanChroma   mean chroma C* over all pixels
     * @param neutralShare share of pixels that counted as near-neutral
     */
    record Result(double neutralA, double neutralB, double cast, double castFactor, double chromaSpread, double meanChroma,
                  double neutralShare) {
    }

    private ColourCast() {
    }

    static Result measure(AnalysisImages images) {
        try (Mat f = new Mat(); Mat lab = new Mat(); MatVector ch = new MatVector();
             Mat chroma = new Mat(); Mat neutral = new Mat(); Mat lightOk = new Mat();
             Mat lo = Mats.scalar(10.0); Mat hi = Mats.scalar(95.0)) {
            images.smallBgr.convertTo(f, CV_32F, 1.0 / 255, 0);
            cvtColor(f, lab, COLOR_BGR2Lab);
            split(lab, ch);
            try (Mat l = ch.get(0); Mat a = ch.get(1); Mat b = ch.get(2)) {
                return measure(l, a, b, chroma, neutral, lightOk, lo, hi);
            }
        }
    }

    private static Result measure(Mat l, Mat a, Mat b, Mat chroma, Mat neutral, Mat lightOk, Mat lo, Mat hi) {
        {
            magnitude(a, b, chroma);
            threshold(chroma, neutral, NEUTRAL_CHROMA, 255, THRESH_BINARY_INV);
            neutral.convertTo(neutral, CV_8U);
            inRange(l, lo, hi, lightOk);
            bitwise_and(neutral, lightOk, neutral);

            double[] ma = meanAndStd(a);
            double[] mb = meanAndStd(b);
            double d = Math.hypot(ma[0], mb[0]);
            double m = Math.hypot(ma[1], mb[1]);
            double meanChroma = mean(chroma).get(0);

            long total = l.total();
            long n = countNonZero(neutral);
            double na;
            double nb;
            if (n >= Math.max(16, total / 50)) {
                na = mean(a, neutral).get(0);
                nb = mean(b, neutral).get(0);
            } else {
                // Too few grey pixels to trust: fall back to plain grey world.
                na = ma[0];
                nb = mb[0];
            }
            return new Result(na, nb, Math.hypot(na, nb), m > 1e-6 ? d / m : 0, m, meanChroma, (double) n / total);
        }
    }

    private static double[] meanAndStd(Mat m) {
        try (Mat mu = new Mat(); Mat sd = new Mat()) {
            meanStdDev(m, mu, sd);
            return new double[] {new DoublePointer(mu.data()).get(0), new DoublePointer(sd.data()).get(0)};
        }
    }
}
