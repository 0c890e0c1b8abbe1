package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.LUT;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Exposure: a power curve out = in^gamma on every channel (through a lookup table), with gamma
 * chosen so the measured mean luma moves to the target: gamma = ln(target) / ln(mean). Gamma below
 * 1 brightens. Parameter: {@code gamma}.
 */
final class GammaExposure implements Correction {
    /** Mid-tone target for mean luma: the median of the clean colour BSD68 photographs is 0.42. */
    static final double TARGET_MEAN = 0.42;

    @Override
    public CorrectionType type() {
        return CorrectionType.EXPOSURE;
    }

    static double gammaFor(double meanLuma) {
        double m = Math.max(0.02, Math.min(0.98, meanLuma));
        return Math.max(0.35, Math.min(2.5, Math.log(TARGET_MEAN) / Math.log(m)));
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double gamma = Correction.param(p, "gamma", 1.0);
        try (Mat lut = new Mat(1, 256, CV_8U)) {
            byte[] table = new byte[256];
            for (int v = 0; v < 256; v++) {
                table[v] = (byte) Math.round(255 * Math.pow(v / 255.0, gamma));
            }
            lut.data().put(table);
            Mat out = new Mat();
            LUT(bgr8, lut, out);
            return out;
        }
    }
}
