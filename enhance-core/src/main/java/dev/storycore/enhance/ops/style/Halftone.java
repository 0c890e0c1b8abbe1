package dev.storycore.enhance.ops.style;

/**
 * Amplitude-modulated halftone screen (the Ben-Day dots of printed comics): a grid of round dots rotated by
 * the screen angle, each dot's area equal to the local ink coverage. Computed per pixel by comparing the
 * distance to the nearest dot centre with the radius that gives that coverage, with a one-pixel soft edge.
 */
final class Halftone {
    private Halftone() {
    }

    /**
     * @param coverage ink coverage per pixel, 0..1
     * @param cell     dot spacing in pixels
     * @param angleDeg screen angle (45° is the classic black screen)
     * @return ink 0..1 per pixel
     */
    static float[] dots(float[] coverage, int w, int h, float cell, double angleDeg) {
        float[] out = new float[w * h];
        float cos = (float) Math.cos(Math.toRadians(angleDeg));
        float sin = (float) Math.sin(Math.toRadians(angleDeg));
        Parallel.rows(h, y -> {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float c = coverage[i];
                if (c <= 0) {
                    continue;
                }
                float u = (x * cos + y * sin) / cell;
                float v = (-x * sin + y * cos) / cell;
                float fu = u - (float) Math.floor(u) - 0.5f;
                float fv = v - (float) Math.floor(v) - 0.5f;
                float d = (float) Math.sqrt(fu * fu + fv * fv) * cell;
                // Dots grow until they touch (coverage π/4), then the paper between them shrinks.
                float r = (float) Math.sqrt(Math.min(1f, c) / Math.PI) * cell;
                out[i] = Pixels.clamp01(r - d + 0.5f);
            }
        });
        return out;
    }
}
