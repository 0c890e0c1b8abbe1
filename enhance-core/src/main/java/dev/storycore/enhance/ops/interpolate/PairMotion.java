package dev.storycore.enhance.ops.interpolate;

/**
 * The motion of one frame pair at the working resolution w x h.
 *
 * @param f01       flow frame 0 → 1, interleaved (dx, dy)
 * @param f10       flow frame 1 → 0
 * @param vis0      per pixel of frame 0: 1 = visible in frame 1 (consistent flow), 0 = occluded; softened
 * @param vis1      the same for frame 1
 * @param g0        frame 0, grey 8-bit
 * @param g1        frame 1, grey 8-bit
 * @param occluded  share of frame 0 that fails the consistency check
 * @param warpError mean absolute grey error of frame 1 warped onto frame 0 (consistent pixels)
 * @param unexplained share of pixels the flow leaves with a large grey error
 */
record PairMotion(float[] f01, float[] f10, float[] vis0, float[] vis1, byte[] g0, byte[] g1, int w, int h,
                  double occluded, double warpError, double unexplained) {

    /** A 0/255 mask as 0..1 floats averaged over 3x3, so blending weights do not switch at a single pixel. */
    static float[] soften(byte[] mask, int w, int h) {
        float[] rows = new float[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int l = Math.max(0, x - 1);
                int r = Math.min(w - 1, x + 1);
                rows[o + x] = (mask[o + l] & 1) + (mask[o + x] & 1) + (mask[o + r] & 1);
            }
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            int up = Math.max(0, y - 1) * w;
            int o = y * w;
            int down = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (rows[up + x] + rows[o + x] + rows[down + x]) / 9f;
            }
        }
        return out;
    }
}
