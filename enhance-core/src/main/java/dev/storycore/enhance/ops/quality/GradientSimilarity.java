package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CMP_GE;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.divide;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.sumElems;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.filter2D;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Detail preservation against a reference: the gradient magnitude similarity of Xue, Zhang, Mou and
 * Bovik ("Gradient Magnitude Similarity Deviation", IEEE TIP 23(2), 2014) - both pictures averaged
 * 2x2 and downsampled, Prewitt gradients m_r, m_t, similarity (2 m_r m_t + c) / (m_r^2 + m_t^2 + c)
 * with c = 170 - made one-sided (only a LOSS of gradient counts: contrast or sharpening gains are
 * not detail loss) and averaged over the reference's detail pixels: those whose gradient stands
 * clearly above the reference's noise (3 sigma + 8 at the half scale), so removing noise is not
 * counted as removing detail. 1 = all detail kept.
 */
final class GradientSimilarity {
    static final double C = 170;

    private GradientSimilarity() {
    }

    /**
     * @param referenceGrey8 grey picture before the operation
     * @param testGrey8      grey picture after, same size
     * @param referenceNoise noise sigma of the reference (8-bit units)
     */
    static double measure(Mat referenceGrey8, Mat testGrey8, double referenceNoise) {
        try (Mat mr = halfScaleGradient(referenceGrey8); Mat mt = halfScaleGradient(testGrey8);
             Mat detail = new Mat(); Mat kept = new Mat(); Mat num = new Mat(); Mat den = new Mat();
             Mat sq = new Mat(); Mat gms = new Mat()) {
            double floor = 3 * referenceNoise / 2 + 8;
            try (Mat f = Mats.scalar(floor)) {
                compare(mr, f, detail, CMP_GT);
            }
            long n = countNonZero(detail);
            if (n < Math.max(16, mr.total() / 100)) {
                return 1.0;
            }
            multiply(mr, mt, num, 2.0, CV_32F);
            num.convertTo(num, -1, 1, C);
            multiply(mr, mr, den);
            multiply(mt, mt, sq);
            add(den, sq, den);
            den.convertTo(den, -1, 1, C);
            divide(num, den, gms);
            // one-sided: where the test keeps at least the reference gradient, similarity is 1
            compare(mt, mr, kept, CMP_GE);
            try (Mat one = new Mat(1, 1, CV_32F, new Scalar(1.0))) {
                gms.setTo(one, kept);
            }
            try (Mat detailF = new Mat(); Mat weighted = new Mat()) {
                detail.convertTo(detailF, CV_32F, 1.0 / 255, 0);
                multiply(gms, detailF, weighted);
                return Math.min(1.0, sumElems(weighted).get(0) / n);
            }
        }
    }

    private static Mat halfScaleGradient(Mat grey8) {
        try (Mat half = new Mat(); Mat f = new Mat(); Mat gx = new Mat(); Mat gy = new Mat();
             Mat kx = prewitt(false); Mat ky = prewitt(true)) {
            resize(grey8, half, new Size(Math.max(1, grey8.cols() / 2), Math.max(1, grey8.rows() / 2)), 0, 0,
                    INTER_AREA);
            half.convertTo(f, CV_32F);
            filter2D(f, gx, CV_32F, kx);
            filter2D(f, gy, CV_32F, ky);
            Mat m = new Mat();
            magnitude(gx, gy, m);
            return m;
        }
    }

    private static Mat prewitt(boolean vertical) {
        float t = 1f / 3;
        float[] v = vertical ? new float[] {t, t, t, 0, 0, 0, -t, -t, -t} : new float[] {t, 0, -t, t, 0, -t, t, 0, -t};
        Mat k = new Mat(3, 3, CV_32F);
        new FloatPointer(k.data()).put(v);
        return k;
    }
}
