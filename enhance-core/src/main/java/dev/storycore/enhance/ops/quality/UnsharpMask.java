package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Unsharp mask on luma (Y of YCrCb, so no colour fringes): y + amount * (y - Gaussian(y, radius)),
 * applied only where |y - Gaussian(y)| exceeds {@code threshold}, which the advisor sets above the
 * noise level (2 sigma) so that noise is not sharpened. Parameters: {@code amount}, {@code radius}
 * (Gaussian sigma, pixels), {@code threshold} (8-bit levels).
 */
final class UnsharpMask implements Correction {
    @Override
    public CorrectionType type() {
        return CorrectionType.SHARPEN;
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double amount = Correction.param(p, "amount", 0.8);
        double radius = Correction.param(p, "radius", 1.5);
        double thresholdLevel = Correction.param(p, "threshold", 0);
        try (Mat ycc = new Mat(); MatVector planes = new MatVector(); Mat merged = new Mat()) {
            cvtColor(bgr8, ycc, COLOR_BGR2YCrCb);
            split(ycc, planes);
            try (Mat y = planes.get(0); Mat cr = planes.get(1); Mat cb = planes.get(2);
                 Mat sharp = sharpen(y, amount, radius, thresholdLevel);
                 MatVector all = new MatVector(sharp, cr, cb)) {
                merge(all, merged);
            }
            Mat out = new Mat();
            cvtColor(merged, out, COLOR_YCrCb2BGR);
            return out;
        }
    }

    static Mat sharpen(Mat y8, double amount, double radius, double thresholdLevel) {
        try (Mat f = new Mat(); Mat blurred = new Mat(); Mat detail = new Mat();
             Size k = new Size(0, 0)) {
            y8.convertTo(f, CV_32F);
            GaussianBlur(f, blurred, k, radius);
            subtract(f, blurred, detail);
            if (thresholdLevel > 0) {
                // soft gate: zero the detail where it is within the noise band
                try (Mat above = new Mat(); Mat below = new Mat(); Mat gate = new Mat()) {
                    threshold(detail, above, thresholdLevel, 1.0, THRESH_BINARY);
                    threshold(detail, below, -thresholdLevel, 1.0, THRESH_BINARY_INV);
                    org.bytedeco.opencv.global.opencv_core.add(above, below, gate);
                    org.bytedeco.opencv.global.opencv_core.multiply(detail, gate, detail);
                }
            }
            org.bytedeco.opencv.global.opencv_core.scaleAdd(detail, amount, f, f);
            Mat out = new Mat();
            f.convertTo(out, CV_8U);
            return out;
        }
    }
}
