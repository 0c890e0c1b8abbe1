package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_ximgproc.DTF_RF;
import static org.bytedeco.opencv.global.opencv_ximgproc.dtFilter;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The real-time video abstraction pipeline of Winnemöller, Olsen and Gooch ("Real-time video abstraction",
 * SIGGRAPH 2006), shared by the anime and comic styles: edge-preserving smoothing (here the domain transform
 * filter of Gastal and Oliveira, SIGGRAPH 2011, as OpenCV's ximgproc provides it, in place of iterated
 * bilateral filtering), soft lightness quantization into flat bands, and DoG outlines.
 */
final class Cartoon {
    private Cartoon() {
    }

    /**
     * Flattens texture while keeping edges; {@code passes} repeated domain-transform filters.
     *
     * @param sigmaColor colour tolerance in 8-bit units (0..255)
     */
    static Mat abstraction(Mat bgr8, double sigmaSpatial, double sigmaColor, int passes) {
        Mat cur = bgr8.clone();
        for (int i = 0; i < passes; i++) {
            Mat next = new Mat();
            dtFilter(cur, cur, next, sigmaSpatial, sigmaColor, DTF_RF, 3);
            cur.close();
            cur = next;
        }
        return cur;
    }

    /**
     * Winnemöller's soft quantization of lightness: Q = q + (Δq/2)·tanh(φ·(L − q)) with q the nearest
     * multiple of Δq = 100/levels. Flat bands sit between the multiples; the tanh makes the step between
     * bands a short smooth ramp instead of an aliased edge.
     *
     * @param lab interleaved L*a*b* with L* in 0..100; L* is replaced in place
     * @param phi sharpness per L* unit (about 0.3 soft .. 3 hard)
     */
    static void quantizeLightness(float[] lab, int levels, float phi) {
        float dq = 100f / levels;
        for (int i = 0; i < lab.length; i += 3) {
            float l = lab[i];
            float q = Math.round(l / dq) * dq;
            lab[i] = Math.max(0, Math.min(100, q + (dq / 2) * (float) Math.tanh(phi * (l - q))));
        }
    }
}
