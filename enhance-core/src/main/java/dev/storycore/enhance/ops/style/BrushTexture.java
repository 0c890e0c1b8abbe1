package dev.storycore.enhance.ops.style;

/**
 * Bristle streaks that follow the picture's structure: white noise smeared along the edge-tangent field by
 * line integral convolution (Cabral and Leedom, "Imaging vector fields using line integral convolution",
 * SIGGRAPH 1993). Used as a height field for paint relief. The noise is a hash of pixel position and seed,
 * so still content gets the same streaks in every frame.
 */
final class BrushTexture {
    private BrushTexture() {
    }

    /**
     * @param w       output width
     * @param h       output height
     * @param t       tangent field, possibly at a lower resolution (it is sampled by scaling coordinates)
     * @param length  streak half-length in output pixels
     * @param grain   noise cell size in pixels (1 = per pixel)
     * @return height field around 0.5, roughly 0..1
     */
    static float[] streaks(int w, int h, StructureTensor t, float length, int grain, long seed) {
        int gw = (w + grain - 1) / grain;
        int gh = (h + grain - 1) / grain;
        float[] noise = new float[gw * gh];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) Hash.unit(seed, i, 0x11c);
        }
        float sx = t.width / (float) w;
        float sy = t.height / (float) h;
        int steps = Math.max(1, Math.round(length));
        float gain = (float) Math.sqrt(2 * steps + 1) * 0.9f;
        float[] out = new float[w * h];
        Parallel.rows(h, y -> {
            for (int x = 0; x < w; x++) {
                float sum = noise[(y / grain) * gw + x / grain];
                for (int dir = -1; dir <= 1; dir += 2) {
                    float px = x + 0.5f;
                    float py = y + 0.5f;
                    float pdx = 0;
                    float pdy = 0;
                    for (int s = 0; s < steps; s++) {
                        int ti = Math.min(t.height - 1, (int) (py * sy)) * t.width + Math.min(t.width - 1, (int) (px * sx));
                        float dx = t.tx[ti] * dir;
                        float dy = t.ty[ti] * dir;
                        if (s > 0 && dx * pdx + dy * pdy < 0) {
                            dx = -dx;
                            dy = -dy;
                        }
                        px += dx;
                        py += dy;
                        if (px < 0 || py < 0 || px >= w || py >= h) {
                            break;
                        }
                        sum += noise[((int) py / grain) * gw + (int) px / grain];
                        pdx = dx;
                        pdy = dy;
                    }
                }
                // Mean of ~2·steps+1 samples, stretched back to a useful contrast.
                out[y * w + x] = 0.5f + (sum / (2 * steps + 1) - 0.5f) * gain;
            }
        });
        return out;
    }
}
