package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Extended difference-of-Gaussians line drawing (Winnemöller, Kyprianidis and Olsen, "XDoG: an eXtended
 * difference-of-Gaussians compendium including advanced image stylization", Computers &amp; Graphics 2012):
 * D = (1 + p)·G_σ − p·G_kσ, then the soft threshold T(D) = 1 if D ≥ ε, else 1 + tanh(φ·(D − ε)).
 * Returns ink coverage in 0 (paper) .. 1 (ink), i.e. 1 − T.
 */
final class LineArt {
    private LineArt() {
    }

    /**
     * @param grey  lightness as float 0..1 (one channel)
     * @param sigma inner Gaussian (line width)
     * @param p     edge emphasis (sharpening strength), typically 10..40
     * @param eps   threshold on the sharpened picture, around 0.5..1
     * @param phi   softness of the threshold (larger = harder lines)
     */
    static float[] xdogInk(Mat grey, double sigma, double p, double eps, double phi) {
        float[] g1;
        float[] g2;
        try (Mat a = new Mat(); Mat b = new Mat()) {
            Blur.gaussian(grey, a, sigma);
            Blur.gaussian(grey, b, sigma * 1.6);
            g1 = Pixels.floats(a);
            g2 = Pixels.floats(b);
        }
        float[] ink = new float[g1.length];
        for (int i = 0; i < ink.length; i++) {
            double d = (1 + p) * g1[i] - p * g2[i];
            double t = d >= eps ? 1 : 1 + Math.tanh(phi * (d - eps));
            ink[i] = (float) Math.max(0, Math.min(1, 1 - t));
        }
        return ink;
    }

    /** Lightness of an 8-bit BGR picture as a float 0..1 matrix (caller closes). */
    static Mat grey01(Mat bgr8) {
        try (Mat g = new Mat()) {
            cvtColor(bgr8, g, COLOR_BGR2GRAY);
            Mat f = new Mat();
            g.convertTo(f, CV_32F, 1 / 255.0, 0);
            return f;
        }
    }
}
