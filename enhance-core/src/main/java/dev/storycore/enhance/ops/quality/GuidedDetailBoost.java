package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_ximgproc.guidedFilter;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Detail enhancement by base/detail decomposition: the guided filter (He, Sun and Tang, "Guided
 * image filtering", ECCV 2010; OpenCV ximgproc) with the luma as its own guide gives an
 * edge-preserving base layer; the detail layer (luma - base) is amplified by {@code boost}. Unlike
 * the unsharp mask this leaves strong edges alone (the guided filter keeps them in the base), so it
 * brings out texture without halos. Parameters: {@code boost}, {@code radius}, {@code eps}
 * (edge threshold, squared 8-bit levels).
 */
final class GuidedDetailBoost implements Correction {
    @Override
    public CorrectionType type() {
        return CorrectionType.DETAIL;
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double boost = Correction.param(p, "boost", 0.5);
        int radius = (int) Math.round(Correction.param(p, "radius", 4));
        double eps = Correction.param(p, "eps", 100);
        try (Mat ycc = new Mat(); MatVector planes = new MatVector(); Mat merged = new Mat()) {
            cvtColor(bgr8, ycc, COLOR_BGR2YCrCb);
            split(ycc, planes);
            try (Mat y = planes.get(0); Mat cr = planes.get(1); Mat cb = planes.get(2);
                 Mat f = new Mat(); Mat base = new Mat(); Mat detail = new Mat(); Mat y2 = new Mat()) {
                y.convertTo(f, CV_32F);
                guidedFilter(f, f, base, radius, eps);
                subtract(f, base, detail);
                scaleAdd(detail, boost, f, f);
                f.convertTo(y2, CV_8U);
                try (MatVector all = new MatVector(y2, cr, cb)) {
                    merge(all, merged);
                }
            }
            Mat out = new Mat();
            cvtColor(merged, out, COLOR_YCrCb2BGR);
            return out;
        }
    }
}
