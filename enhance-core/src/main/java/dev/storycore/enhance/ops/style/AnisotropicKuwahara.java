package dev.storycore.enhance.ops.style;

/**
 * Anisotropic Kuwahara filtering (Kyprianidis, Kang and Döllner, "Image and video abstraction by anisotropic
 * Kuwahara filtering", Computer Graphics Forum 28(7), 2009) with the polynomial sector weights of Kyprianidis,
 * Semmo, Kang and Döllner, "Anisotropic Kuwahara filtering with polynomial weighting functions", EG UK TPCG
 * 2010. Each pixel's neighbourhood is an ellipse stretched along the local edge tangent and split into eight
 * sectors; the output is the mean of the sectors weighted by how uniform each is, which flattens regions
 * into paint-like patches while keeping edges and directional features crisp.
 */
final class AnisotropicKuwahara {
    private static final int SECTORS = 8;
    private static final double ALPHA = 1.0;

    private AnisotropicKuwahara() {
    }

    /**
     * @param rgb    interleaved 3-channel colours in 0..1
     * @param t      structure tensor of the same picture
     * @param radius filter radius in pixels
     * @param q      sharpness (larger = prefers the most uniform sector more strictly), typically 8
     */
    static float[] filter(float[] rgb, StructureTensor t, float radius, float q) {
        int w = t.width;
        int h = t.height;
        float[] out = new float[rgb.length];
        float zeta = 2f / radius;
        double zeroCross = 3.0 / 8.0 * Math.PI;
        double sinZ = Math.sin(zeroCross);
        float eta = (float) ((zeta + Math.cos(zeroCross)) / (sinZ * sinZ));
        float halfQ = q / 2;
        Parallel.rows(h, y -> {
            float[] m = new float[SECTORS * 4];
            float[] s = new float[SECTORS * 3];
            float[] wk = new float[SECTORS];
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float aniso = t.anisotropy[i];
                float a = (float) (radius * clamp((ALPHA + aniso) / ALPHA, 0.1, 2.0));
                float b = (float) (radius * clamp(ALPHA / (ALPHA + aniso), 0.1, 2.0));
                // Tangent angle: the ellipse's long axis runs along the edge.
                float cos = t.tx[i];
                float sin = t.ty[i];
                float sr00 = 0.5f / a * cos;
                float sr01 = 0.5f / a * sin;
                float sr10 = -0.5f / b * sin;
                float sr11 = 0.5f / b * cos;
                int maxX = (int) Math.sqrt(a * a * cos * cos + b * b * sin * sin);
                int maxY = (int) Math.sqrt(a * a * sin * sin + b * b * cos * cos);
                java.util.Arrays.fill(m, 0);
                java.util.Arrays.fill(s, 0);
                // Symmetric halves: the sample at -d has the weights of d rotated by four sectors.
                for (int dy = 0; dy <= maxY; dy++) {
                    for (int dx = -maxX; dx <= maxX; dx++) {
                        if (dy == 0 && dx < 0) {
                            continue;
                        }
                        float vx = sr00 * dx + sr01 * dy;
                        float vy = sr10 * dx + sr11 * dy;
                        float d2 = vx * vx + vy * vy;
                        if (d2 > 0.25f) {
                            continue;
                        }
                        weights(vx, vy, zeta, eta, wk);
                        float g = (float) Math.exp(-3.125 * d2);
                        int xa = clampIndex(x + dx, w);
                        int ya = clampIndex(y + dy, h);
                        int xb = clampIndex(x - dx, w);
                        int yb = clampIndex(y - dy, h);
                        int pa = 3 * (ya * w + xa);
                        int pb = 3 * (yb * w + xb);
                        float ar = rgb[pa];
                        float ag = rgb[pa + 1];
                        float ab = rgb[pa + 2];
                        float br = rgb[pb];
                        float bg = rgb[pb + 1];
                        float bb = rgb[pb + 2];
                        boolean centre = dx == 0 && dy == 0;
                        for (int k = 0; k < SECTORS; k++) {
                            float wa = wk[k] * g;
                            accumulate(m, s, k, ar, ag, ab, wa);
                            if (!centre) {
                                accumulate(m, s, (k + 4) & 7, br, bg, bb, wa);
                            }
                        }
                    }
                }
                float or = 0;
                float og = 0;
                float ob = 0;
                float ow = 0;
                for (int k = 0; k < SECTORS; k++) {
                    float mw = m[4 * k + 3];
                    if (mw <= 0) {
                        continue;
                    }
                    float mr = m[4 * k] / mw;
                    float mg = m[4 * k + 1] / mw;
                    float mb = m[4 * k + 2] / mw;
                    float var = Math.abs(s[3 * k] / mw - mr * mr) + Math.abs(s[3 * k + 1] / mw - mg * mg)
                            + Math.abs(s[3 * k + 2] / mw - mb * mb);
                    float wgt = (float) (1.0 / (1.0 + Math.pow(255.0 * var, halfQ)));
                    or += mr * wgt;
                    og += mg * wgt;
                    ob += mb * wgt;
                    ow += wgt;
                }
                int p = 3 * i;
                if (ow > 0) {
                    out[p] = or / ow;
                    out[p + 1] = og / ow;
                    out[p + 2] = ob / ow;
                } else {
                    out[p] = rgb[p];
                    out[p + 1] = rgb[p + 1];
                    out[p + 2] = rgb[p + 2];
                }
            }
        });
        return out;
    }

    private static void accumulate(float[] m, float[] s, int k, float r, float g, float b, float w) {
        m[4 * k] += r * w;
        m[4 * k + 1] += g * w;
        m[4 * k + 2] += b * w;
        m[4 * k + 3] += w;
        s[3 * k] += r * r * w;
        s[3 * k + 1] += g * g * w;
        s[3 * k + 2] += b * b * w;
    }

    /** The eight polynomial sector weights at disc position v, normalised to sum 1. */
    private static void weights(float vx, float vy, float zeta, float eta, float[] w) {
        float vxx = zeta - eta * vx * vx;
        float vyy = zeta - eta * vy * vy;
        float z;
        z = Math.max(0, vy + vxx);
        w[0] = z * z;
        z = Math.max(0, -vx + vyy);
        w[2] = z * z;
        z = Math.max(0, -vy + vxx);
        w[4] = z * z;
        z = Math.max(0, vx + vyy);
        w[6] = z * z;
        float rx = 0.70710678f * (vx - vy);
        float ry = 0.70710678f * (vx + vy);
        vxx = zeta - eta * rx * rx;
        vyy = zeta - eta * ry * ry;
        z = Math.max(0, ry + vxx);
        w[1] = z * z;
        z = Math.max(0, -rx + vyy);
        w[3] = z * z;
        z = Math.max(0, -ry + vxx);
        w[5] = z * z;
        z = Math.max(0, rx + vyy);
        w[7] = z * z;
        float sum = 0;
        for (int k = 0; k < SECTORS; k++) {
            sum += w[k];
        }
        float inv = sum > 0 ? 1 / sum : 0;
        for (int k = 0; k < SECTORS; k++) {
            w[k] *= inv;
        }
    }

    private static int clampIndex(int v, int n) {
        return v < 0 ? 0 : v >= n ? n - 1 : v;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
