package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.multiply;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * White balance: von Kries channel gains that move the grey-edge illuminant estimate
 * ({@link GreyEdgeIlluminant}) toward neutral, applied as a saturating per-channel multiply.
 * The gains are normalised to keep luma (Rec. 601 weights) and raised to a strength in [0,1]:
 * the advisor corrects only the part of the cast beyond what clean photographs show, because the
 * estimate itself is off by a few degrees on colourful scenes. OpenCV xphoto was tried first: its
 * GrayworldWB, SimpleWB and LearningBasedWB all lowered PSNR on the cast benchmark class, and its
 * {@code applyChannelGains} in this OpenCV build (4.13, bytedeco 1.5.13) scales the wrong channels
 * (gains 1.25/1/0.893 left blue unchanged and cut red by 29%; see docs/quality.md), which also
 * explains the grey-world result. Parameters: {@code gain_b}, {@code gain_g}, {@code gain_r} (full
 * neutralising gains) and {@code strength}.
 */
final class GreyEdgeWhiteBalance implements Correction {
    @Override
    public CorrectionType type() {
        return CorrectionType.WHITE_BALANCE;
    }

    static Map<String, Double> parametersFor(double illuminantB, double illuminantG, double illuminantR,
                                             double strength) {
        return Map.of("gain_b", 1 / illuminantB, "gain_g", 1 / illuminantG, "gain_r", 1 / illuminantR,
                "strength", strength);
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double strength = Correction.param(p, "strength", 1.0);
        double gb = Math.pow(Correction.param(p, "gain_b", 1), strength);
        double gg = Math.pow(Correction.param(p, "gain_g", 1), strength);
        double gr = Math.pow(Correction.param(p, "gain_r", 1), strength);
        double luma = 0.114 * gb + 0.587 * gg + 0.299 * gr;
        Mat out = new Mat();
        try (Mat gains = Mats.perChannel(gb / luma, gg / luma, gr / luma)) {
            multiply(bgr8, gains, out, 1.0, -1);
        }
        return out;
    }
}
