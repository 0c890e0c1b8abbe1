package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_Lab2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.createCLAHE;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_imgproc.CLAHE;

/**
 * Contrast on CIELAB lightness only (hue and chroma kept): first a levels stretch that maps the
 * measured 1st/99th luma percentiles to {@code low}/{@code high} (a global, order-preserving
 * linear map), then contrast-limited adaptive histogram equalisation (Zuiderveld, "Contrast
 * Limited Adaptive Histogram Equalization", Graphics Gems IV, 1994; OpenCV {@code createCLAHE},
 * 8x8 tiles) blended in with weight {@code clahe_mix} at clip limit {@code clip_limit}.
 */
final class ClaheContrast implements Correction {
    @Override
    public CorrectionType type() {
        return CorrectionType.CONTRAST;
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double p1 = Correction.param(p, "p1", 0);
        double p99 = Correction.param(p, "p99", 255);
        double low = Correction.param(p, "low", p1);
        double high = Correction.param(p, "high", p99);
        double clip = Correction.param(p, "clip_limit", 1.5);
        double mix = Correction.param(p, "clahe_mix", 0.0);
        double scale = p99 > p1 ? (high - low) / (p99 - p1) : 1;
        try (Mat lab = new Mat(); MatVector planes = new MatVector(); Mat stretched = new Mat();
             Mat merged = new Mat()) {
            cvtColor(bgr8, lab, COLOR_BGR2Lab);
            split(lab, planes);
            try (Mat l = planes.get(0); Mat a = planes.get(1); Mat b = planes.get(2)) {
                // 8-bit Lab lightness is L* x 255/100, close enough to luma for percentile anchors
                l.convertTo(stretched, l.type(), scale, low - p1 * scale);
                if (mix > 0) {
                    try (Size tiles = new Size(8, 8); CLAHE clahe = createCLAHE(clip, tiles); Mat eq = new Mat()) {
                        clahe.apply(stretched, eq);
                        addWeighted(stretched, 1 - mix, eq, mix, 0, stretched);
                    }
                }
                try (MatVector all = new MatVector(stretched, a, b)) {
                    merge(all, merged);
                }
            }
            Mat out = new Mat();
            cvtColor(merged, out, COLOR_Lab2BGR);
            return out;
        }
    }
}
