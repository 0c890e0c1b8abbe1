package dev.storycore.enhance.ops.style;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A limited set of paints in CIELAB with their BGR values, and the optical-mixing choice: for a target
 * colour, the two nearest paints and a random pick between them weighted by where the target lies on the
 * segment joining them, so the average of many dots equals the target.
 */
final class Pigments {
    private final float[] lab;
    private final float[] bgr;
    private final int count;

    private Pigments(float[] lab) {
        this.lab = lab;
        this.count = lab.length / 3;
        try (Mat m = StyleReference.fromLab(lab, 1, count)) {
            byte[] b = Pixels.bytes(m);
            bgr = new float[b.length];
            for (int i = 0; i < b.length; i++) {
                bgr[i] = Pixels.u(b[i]);
            }
        }
    }

    /**
     * A divisionist palette: twelve hues around the colour wheel at four values (the darkest less
     * saturated, as earth and shadow tones), three greys, white, a warm light and a deep blue-black
     * (Seurat avoided pure black).
     */
    static Pigments seurat() {
        int hues = 12;
        float[] v = new float[(hues * 4 + 6) * 3];
        int p = 0;
        float[] lightness = {20, 38, 60, 80};
        float[] chroma = {22, 42, 55, 38};
        for (int li = 0; li < lightness.length; li++) {
            for (int k = 0; k < hues; k++) {
                double a = 2 * Math.PI * k / hues;
                v[p++] = lightness[li];
                v[p++] = (float) (chroma[li] * Math.cos(a));
                v[p++] = (float) (chroma[li] * Math.sin(a));
            }
        }
        for (float grey : new float[] {30, 52, 72}) {
            v[p++] = grey;
            v[p++] = 0;
            v[p++] = -3;
        }
        v[p++] = 97;
        v[p++] = 0;
        v[p++] = 2;
        v[p++] = 88;
        v[p++] = 4;
        v[p++] = 18;
        v[p++] = 14;
        v[p++] = 6;
        v[p] = -22;
        return new Pigments(v);
    }

    /** The palette of a reference painting, with white and a dark added so every value can be mixed. */
    static Pigments fromPalette(float[] palette) {
        float[] v = java.util.Arrays.copyOf(palette, palette.length + 6);
        int p = palette.length;
        v[p++] = 97;
        v[p++] = 0;
        v[p++] = 2;
        v[p++] = 12;
        v[p++] = 2;
        v[p] = -8;
        return new Pigments(v);
    }

    /** BGR of the paint chosen for a dot with target colour (l, a, b) and dot-fixed random number u. */
    float[] pick(float l, float a, float b, double u) {
        int best = 0;
        int second = 0;
        float d1 = Float.MAX_VALUE;
        float d2 = Float.MAX_VALUE;
        for (int k = 0; k < count; k++) {
            float dl = l - lab[3 * k];
            float da = a - lab[3 * k + 1];
            float db = b - lab[3 * k + 2];
            float d = dl * dl + da * da + db * db;
            if (d < d1) {
                d2 = d1;
                second = best;
                d1 = d;
                best = k;
            } else if (d < d2) {
                d2 = d;
                second = k;
            }
        }
        float ex = lab[3 * second] - lab[3 * best];
        float ey = lab[3 * second + 1] - lab[3 * best + 1];
        float ez = lab[3 * second + 2] - lab[3 * best + 2];
        float len2 = ex * ex + ey * ey + ez * ez;
        float t = len2 <= 0 ? 0 : ((l - lab[3 * best]) * ex + (a - lab[3 * best + 1]) * ey
                + (b - lab[3 * best + 2]) * ez) / len2;
        int k = u < Math.max(0, Math.min(1, t)) ? second : best;
        return new float[] {bgr[3 * k], bgr[3 * k + 1], bgr[3 * k + 2]};
    }
}
