package dev.storycore.enhance.ops.quality;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/** One correction algorithm. Implementations are stateless and thread-safe. */
interface Correction {
    CorrectionType type();

    /** A new corrected copy of an 8-bit BGR picture; the input is left unchanged. */
    Mat apply(Mat bgr8, Map<String, Double> parameters);

    static double param(Map<String, Double> p, String name, double fallback) {
        Double v = p.get(name);
        return v == null || v.isNaN() ? fallback : v;
    }
}
