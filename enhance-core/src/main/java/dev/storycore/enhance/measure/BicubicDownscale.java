package dev.storycore.enhance.measure;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.GEMM_2_T;
import static org.bytedeco.opencv.global.opencv_core.gemm;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Makes low-resolution pictures the way super-resolution benchmarks do: MATLAB's
 * {@code imresize(img, 1/f, 'bicubic')}, i.e. Keys' cubic kernel with a = -0.5, widened by the factor
 * (antialiasing), edge pixels mirrored. OpenCV's INTER_CUBIC (a = -0.75, no antialiasing when
 * shrinking) aliases and gives different, incomparable figures; INTER_AREA is a box filter.
 *
 * <p>Computed in double precision and rounded once at the end (as BasicSR's Python port of imresize
 * does; MATLAB itself rounds 8-bit pictures between its two passes, which moves PSNR by a few
 * hundredths of a dB at most). Each axis is one weight matrix, so a picture is {@code Wr · X · Wcᵀ}.
 */
public final class BicubicDownscale {
    private static final double A = -0.5;

    private BicubicDownscale() {
    }

    /**
     * Shrinks a picture (any channels, 8 or 16 bits) by an integer factor. Its size must be a multiple
     * of the factor; crop it first with {@link #cropToMultiple}.
     */
    public static Mat shrink(Mat picture, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be >= 1, got " + factor);
        }
        if (picture.cols() % factor != 0 || picture.rows() % factor != 0) {
            throw new IllegalArgumentException("picture " + picture.cols() + "x" + picture.rows()
                    + " is not a multiple of " + factor + "; crop it first (cropToMultiple)");
        }
        int outW = picture.cols() / factor;
        int outH = picture.rows() / factor;
        try (Mat rowWeights = weights(picture.rows(), outH, factor);
             Mat colWeights = weights(picture.cols(), outW, factor);
             MatVector planes = new MatVector(); MatVector shrunk = new MatVector();
             Mat none = new Mat(); Mat merged = new Mat()) {
            split(picture, planes);
            for (long c = 0; c < planes.size(); c++) {
                try (Mat plane = new Mat(); Mat tmp = new Mat()) {
                    planes.get(c).convertTo(plane, CV_64F);
                    gemm(rowWeights, plane, 1.0, none, 0.0, tmp, 0);
                    Mat out = new Mat();
                    gemm(tmp, colWeights, 1.0, none, 0.0, out, GEMM_2_T);
                    shrunk.push_back(out);
                }
            }
            merge(shrunk, merged);
            Mat result = new Mat();
            merged.convertTo(result, picture.depth());
            return result;
        }
    }

    /** The top-left part of the picture whose sides are multiples of {@code factor} (a new Mat). */
    public static Mat cropToMultiple(Mat picture, int factor) {
        int w = picture.cols() - picture.cols() % factor;
        int h = picture.rows() - picture.rows() % factor;
        try (org.bytedeco.opencv.opencv_core.Rect r = new org.bytedeco.opencv.opencv_core.Rect(0, 0, w, h);
             Mat roi = new Mat(picture, r)) {
            return roi.clone();
        }
    }

    /** The [out x in] matrix of MATLAB imresize's contributions for one axis. */
    static Mat weights(int in, int out, int factor) {
        double width = 4.0 * factor; // cubic support 4, widened by the factor
        int taps = (int) Math.ceil(width) + 2;
        Mat w = new Mat(out, in, CV_64F, new org.bytedeco.opencv.opencv_core.Scalar(0.0));
        try (DoubleIndexer idx = w.createIndexer()) {
            double[] tap = new double[taps];
            for (int i = 0; i < out; i++) {
                double u = (i + 1) * (double) factor + 0.5 * (1 - factor); // 1-based source position
                int left = (int) Math.floor(u - width / 2);
                double sum = 0;
                for (int k = 0; k < taps; k++) {
                    tap[k] = cubic((u - (left + k)) / factor) / factor;
                    sum += tap[k];
                }
                for (int k = 0; k < taps; k++) {
                    int j = mirror(left + k, in);
                    idx.put(i, j, idx.get(i, j) + tap[k] / sum);
                }
            }
        }
        return w;
    }

    /** MATLAB's symmetric index: 1-based j into 0-based [0, n), edge pixels repeated. */
    private static int mirror(int j, int n) {
        int period = 2 * n;
        int m = Math.floorMod(j - 1, period);
        return m < n ? m : period - 1 - m;
    }

    private static double cubic(double x) {
        double ax = Math.abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1) {
            return (A + 2) * ax3 - (A + 3) * ax2 + 1;
        }
        if (ax <= 2) {
            return A * ax3 - 5 * A * ax2 + 8 * A * ax - 4 * A;
        }
        return 0;
    }
}
