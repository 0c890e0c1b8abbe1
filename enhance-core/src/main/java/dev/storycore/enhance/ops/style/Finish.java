package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;

import org.bytedeco.opencv.opencv_core.Mat;

/** The common parameters applied after a style has rendered: structure, colours, strength. */
final class Finish {
    private Finish() {
    }

    /**
     * Puts back the input's fine lightness detail ({@code preserveStructure}) and its CIELAB chroma
     * ({@code preserveColors}); both on 8-bit BGR pictures of the same size. Returns a new picture.
     */
    static Mat structureAndColours(Mat stylized, Mat input, double preserveStructure, boolean preserveColors) {
        if (preserveStructure <= 0 && !preserveColors) {
            return stylized.clone();
        }
        int w = input.cols();
        int h = input.rows();
        try (Mat outLab = StyleReference.toLab(stylized); Mat inLab = StyleReference.toLab(input)) {
            float[] o = Pixels.floats(outLab);
            float[] in = Pixels.floats(inLab);
            if (preserveStructure > 0) {
                float[] detail = detail(in, w, h);
                float p = (float) preserveStructure;
                for (int i = 0; i < w * h; i++) {
                    o[3 * i] = Math.max(0, Math.min(100, o[3 * i] * (1 - 0.3f * p) + p * (0.3f * in[3 * i] + detail[i])));
                }
            }
            if (preserveColors) {
                for (int i = 0; i < w * h; i++) {
                    o[3 * i + 1] = in[3 * i + 1];
                    o[3 * i + 2] = in[3 * i + 2];
                }
            }
            return StyleReference.fromLab(o, h, w);
        }
    }

    /** Lightness minus its blur: the fine structure (edges, texture) of the input. */
    private static float[] detail(float[] lab, int w, int h) {
        float[] l = new float[w * h];
        for (int i = 0; i < l.length; i++) {
            l[i] = lab[3 * i];
        }
        float[] soft;
        try (Mat m = Pixels.mat(l, h, w, 1); Mat b = Blur.gaussian(m, Math.max(1.5, Math.max(w, h) / 400.0))) {
            soft = Pixels.floats(b);
        }
        for (int i = 0; i < l.length; i++) {
            l[i] -= soft[i];
        }
        return l;
    }

    /** strength·styled + (1 − strength)·original, both in the original's format; returns a new picture. */
    static Mat strength(Mat styledLikeOriginal, Mat original, double strength) {
        if (strength >= 1) {
            return styledLikeOriginal.clone();
        }
        Mat out = new Mat();
        addWeighted(styledLikeOriginal, strength, original, 1 - strength, 0, out);
        return out;
    }
}
