package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_xphoto.applyChannelGains;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * White balance: von Kries channel gains that move the grey-edge illuminant estimate
 * ({@link GreyEdgeIlluminant}) toward neutral, applied with OpenCV xphoto's {@code applyChannelGains}.
 * The gains are normalised to keep luma (Rec. 601 weights) and raised to a strength in [0,1]:
 * the advisor corrects only the part of the cast beyond what clean photographs show, because the
 * estimate itself is off by a few degrees on colourful scenes. (xphoto's GrayworldWB, SimpleWB and
 * LearningBasedWB were measured too and lowered PSNR on the cast benchmark class: they assume the
 * scene averages to grey.) Parameters: {@code gain_b}, {@code gain_g}, {@code gain_r} (full
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
        applyChannelGains(bgr8, out, (float) (gb / luma), (float) (gg / luma), (float) (gr / luma));
        return out;
    }
}
