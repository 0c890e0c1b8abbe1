package dev.storycore.enhance.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.NORM_INF;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import org.bytedeco.javacpp.indexer.UShortIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Synthetic pictures for tests: deterministic, with detail at several scales. */
public final class TestPictures {
    private TestPictures() {
    }

    /** Seeded uniform noise, lightly blurred: texture plus edges, in the given OpenCV type. */
    public static Mat texture(int width, int height, int type, long seed) {
        setRNGSeed((int) seed);
        Mat m = new Mat(height, width, type);
        double max = (type & 7) == org.bytedeco.opencv.global.opencv_core.CV_16U ? 65535 : 255;
        try (Mat lo = new Mat(1, 1, CV_64F, new Scalar(0)); Mat hi = new Mat(1, 1, CV_64F, new Scalar(max))) {
            randu(m, lo, hi);
        }
        GaussianBlur(m, m, new Size(0, 0), 1.2);
        return m;
    }

    /** A 16-bit grey horizontal ramp from 0 to 65535: every column a distinct value. */
    public static Mat ramp16(int width, int height) {
        Mat m = new Mat(height, width, CV_16UC1);
        try (UShortIndexer idx = m.createIndexer()) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    idx.put(y, x, (int) Math.round(65535.0 * x / (width - 1)));
                }
            }
        }
        return m;
    }

    /** The largest absolute difference between two pictures of equal size and type. */
    public static double maxAbsDiff(Mat a, Mat b) {
        try (Mat noMask = new Mat()) {
            return norm(a, b, NORM_INF, noMask);
        }
    }
}
