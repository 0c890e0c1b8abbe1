package dev.storycore.enhance.measure;

import static org.bytedeco.opencv.global.opencv_core.ALGO_HINT_ACCURATE;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.NORM_L2SQR;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_core.transform;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.javacpp.indexer.DoubleIndexer;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Full-reference picture quality: PSNR and SSIM, computed the way super-resolution and denoising
 * papers do, so our figures can be set beside published ones.
 *
 * <ul>
 *   <li>Luma is ITU-R BT.601 "studio swing" Y as MATLAB's {@code rgb2ycbcr} defines it,
 *   {@code Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255} for R, G, B in [0, 255], kept in
 *   floating point (not rounded), as BasicSR and most SR evaluation scripts do.</li>
 *   <li>PSNR = 10 log10(255² / MSE); identical pictures give {@code +Infinity}.</li>
 *   <li>SSIM follows Wang et al. 2004 (and their MATLAB {@code ssim_index}): an 11×11 Gaussian window
 *   with σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255, and only the "valid" part of the SSIM map (the 5
 *   pixels along each edge, where the window would leave the picture, are dropped) is averaged.</li>
 *   <li>"shave" drops that many pixels along every edge before measuring (the SR convention is to
 *   shave the scale factor, since the border of an upscaled picture carries no information).</li>
 * </ul>
 *
 * Pictures are OpenCV Mats of equal size and type: BGR, BGRA (alpha ignored) or grey, 8 or 16
 * bits per channel. 16-bit pictures are measured on the 8-bit scale (values / 257), so figures
 * stay comparable. Not thread-confined: every call allocates its own temporaries.
 */
public final class ImageQuality {
    private static final double PEAK = 255.0;
    private static final double C1 = (0.01 * PEAK) * (0.01 * PEAK);
    private static final double C2 = (0.03 * PEAK) * (0.03 * PEAK);
    private static final int SSIM_WINDOW = 11;
    private static final double SSIM_SIGMA = 1.5;

    private ImageQuality() {
    }

    /** PSNR and SSIM of one picture pair. */
    public record Score(double psnr, double ssim) {
    }

    /** Y-channel PSNR and SSIM with {@code shave} pixels dropped along every edge. */
    public static Score scoreY(Mat reference, Mat test, int shave) {
        requireComparable(reference, test);
        try (Mat yRef = lumaY(reference); Mat yTest = lumaY(test)) {
            try (Mat a = shaved(yRef, shave); Mat b = shaved(yTest, shave)) {
                return new Score(psnrOfDoubles(a, b), ssimOfPlane(a, b));
            }
        }
    }

    /** Y-channel PSNR in dB with {@code shave} pixels dropped along every edge. */
    public static double psnrY(Mat reference, Mat test, int shave) {
        requireComparable(reference, test);
        try (Mat yRef = lumaY(reference); Mat yTest = lumaY(test);
             Mat a = shaved(yRef, shave); Mat b = shaved(yTest, shave)) {
            return psnrOfDoubles(a, b);
        }
    }

    /** Y-channel SSIM in [-1, 1] with {@code shave} pixels dropped along every edge. */
    public static double ssimY(Mat reference, Mat test, int shave) {
        requireComparable(reference, test);
        try (Mat yRef = lumaY(reference); Mat yTest = lumaY(test);
             Mat a = shaved(yRef, shave); Mat b = shaved(yTest, shave)) {
            return ssimOfPlane(a, b);
        }
    }

    /** PSNR in dB over all colour channels (alpha excluded), on the 8-bit scale. */
    public static double psnr(Mat reference, Mat test) {
        requireComparable(reference, test);
        try (Mat a = colourAsDouble(reference); Mat b = colourAsDouble(test)) {
            return psnrOfDoubles(a, b);
        }
    }

    /** SSIM averaged over the colour channels (alpha excluded), on the 8-bit scale. */
    public static double ssim(Mat reference, Mat test) {
        requireComparable(reference, test);
        try (Mat a = colourAsDouble(reference); Mat b = colourAsDouble(test)) {
            int channels = a.channels();
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                try (Mat pa = new Mat(); Mat pb = new Mat()) {
                    extractChannel(a, pa, c);
                    extractChannel(b, pb, c);
                    sum += ssimOfPlane(pa, pb);
                }
            }
            return sum / channels;
        }
    }

    /**
     * BT.601 luma as a one-channel CV_64F Mat on the [16, 235] scale. A grey picture is taken as
     * R = G = B.
     */
    public static Mat lumaY(Mat picture) {
        requireSupported(picture);
        double toByteScale = picture.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        Mat y = new Mat();
        if (picture.channels() == 1) {
            picture.convertTo(y, CV_64F, toByteScale * 219.0 / 255.0, 16.0);
            return y;
        }
        try (Mat bgr = new Mat(); Mat weights = new Mat(1, 3, CV_64F)) {
            // transform() uses the first 3 channels' worth of weights; for BGRA drop alpha first.
            try (Mat colour = firstThreeChannels(picture)) {
                colour.convertTo(bgr, CV_64FC3, toByteScale, 0);
            }
            try (DoubleIndexer w = weights.createIndexer()) {
                w.put(0, 0, 24.966 / 255.0);
                w.put(0, 1, 128.553 / 255.0);
                w.put(0, 2, 65.481 / 255.0);
            }
            transform(bgr, y, weights);
            try (Mat offset = new Mat(y.size(), CV_64F, new Scalar(16.0))) {
                add(y, offset, y);
            }
            return y;
        }
    }

    private static double psnrOfDoubles(Mat a, Mat b) {
        double sse;
        try (Mat noMask = new Mat()) {
            sse = norm(a, b, NORM_L2SQR, noMask);
        }
        double mse = sse / ((double) a.total() * a.channels());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10.0 * Math.log10(PEAK * PEAK / mse);
    }

    /** SSIM of two one-channel CV_64F planes, averaged over the valid part of the SSIM map. */
    private static double ssimOfPlane(Mat x, Mat y) {
        int half = SSIM_WINDOW / 2;
        if (x.rows() <= 2 * half || x.cols() <= 2 * half) {
            throw new IllegalArgumentException("SSIM needs pictures larger than " + (2 * half) + " pixels"
                    + " on each side (after shaving), got " + x.cols() + "x" + x.rows());
        }
        try (Mat muX = blur(x); Mat muY = blur(y);
             Mat xx = new Mat(); Mat yy = new Mat(); Mat xy = new Mat()) {
            multiply(x, x, xx);
            multiply(y, y, yy);
            multiply(x, y, xy);
            try (Mat sXX = blur(xx); Mat sYY = blur(yy); Mat sXY = blur(xy);
                 Mat muXX = new Mat(); Mat muYY = new Mat(); Mat muXY = new Mat()) {
                multiply(muX, muX, muXX);
                multiply(muY, muY, muYY);
                multiply(muX, muY, muXY);
                subtract(sXX, muXX, sXX); // σx²
                subtract(sYY, muYY, sYY); // σy²
                subtract(sXY, muXY, sXY); // σxy
                try (Mat num1 = new Mat(); Mat num2 = new Mat(); Mat den1 = new Mat(); Mat den2 = new Mat();
                     Mat num = new Mat(); Mat den = new Mat(); Mat map = new Mat()) {
                    muXY.convertTo(num1, CV_64F, 2.0, C1);
                    sXY.convertTo(num2, CV_64F, 2.0, C2);
                    add(muXX, muYY, den1);
                    den1.convertTo(den1, CV_64F, 1.0, C1);
                    add(sXX, sYY, den2);
                    den2.convertTo(den2, CV_64F, 1.0, C2);
                    multiply(num1, num2, num);
                    multiply(den1, den2, den);
                    divide(num, den, map);
                    Rect valid = new Rect(half, half, map.cols() - 2 * half, map.rows() - 2 * half);
                    try (Mat inner = new Mat(map, valid)) {
                        return mean(inner).get(0);
                    }
                }
            }
        }
    }

    private static Mat blur(Mat plane) {
        Mat out = new Mat();
        GaussianBlur(plane, out, new Size(SSIM_WINDOW, SSIM_WINDOW), SSIM_SIGMA, SSIM_SIGMA,
                BORDER_REFLECT_101, ALGO_HINT_ACCURATE);
        return out;
    }

    private static Mat shaved(Mat plane, int shave) {
        if (shave < 0) {
            throw new IllegalArgumentException("shave must be >= 0, got " + shave);
        }
        if (plane.cols() <= 2 * shave || plane.rows() <= 2 * shave) {
            throw new IllegalArgumentException("cannot shave " + shave + " pixels from a "
                    + plane.cols() + "x" + plane.rows() + " picture");
        }
        try (Mat roi = new Mat(plane, new Rect(shave, shave, plane.cols() - 2 * shave, plane.rows() - 2 * shave))) {
            return roi.clone();
        }
    }

    private static Mat colourAsDouble(Mat picture) {
        requireSupported(picture);
        double toByteScale = picture.depth() == CV_16U ? 1.0 / 257.0 : 1.0;
        Mat out = new Mat();
        try (Mat colour = firstThreeChannels(picture)) {
            colour.convertTo(out, CV_64F, toByteScale, 0);
        }
        return out;
    }

    /** A Mat without the alpha channel (a new header or copy the caller closes). */
    private static Mat firstThreeChannels(Mat picture) {
        if (picture.channels() != 4) {
            return new Mat(picture);
        }
        Mat bgr = new Mat();
        cvtColor(picture, bgr, COLOR_BGRA2BGR);
        return bgr;
    }

    private static void requireSupported(Mat picture) {
        if (picture == null || picture.empty()) {
            throw new IllegalArgumentException("cannot measure an empty picture");
        }
        int ch = picture.channels();
        int depth = picture.depth();
        if (!(ch == 1 || ch == 3 || ch == 4) || !(depth == CV_8U || depth == CV_16U)) {
            throw new IllegalArgumentException("can measure grey, BGR or BGRA pictures of 8 or 16 bits, got "
                    + ch + " channels of depth " + depth);
        }
    }

    private static void requireComparable(Mat a, Mat b) {
        requireSupported(a);
        requireSupported(b);
        if (a.cols() != b.cols() || a.rows() != b.rows() || a.type() != b.type()) {
            throw new IllegalArgumentException("pictures differ in size or type: " + a.cols() + "x" + a.rows()
                    + " type " + a.type() + " vs " + b.cols() + "x" + b.rows() + " type " + b.type());
        }
    }
}
