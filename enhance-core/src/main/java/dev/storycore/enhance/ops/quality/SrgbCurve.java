package dev.storycore.enhance.ops.quality;

/** The sRGB transfer curve (IEC 61966-2-1), values in [0,1]. */
final class SrgbCurve {
    private SrgbCurve() {
    }

    static double decode(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static double encode(double linear) {
        double l = Math.max(0, Math.min(1, linear));
        return l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
    }
}
