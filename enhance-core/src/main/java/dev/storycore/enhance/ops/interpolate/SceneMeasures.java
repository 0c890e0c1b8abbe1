package dev.storycore.enhance.ops.interpolate;

/** The two scene-cut measures of {@link SceneCutThresholds}, on grey 8-bit pixels. */
final class SceneMeasures {
    static final int HISTOGRAM_BINS = 64;
    /** A grey change above this many levels counts as "changed" for the static-pair test. */
    static final int CHANGE_LEVEL = 12;

    private SceneMeasures() {
    }

    /** Bhattacharyya distance between the 64-bin histograms: sqrt(1 − Σ sqrt(p·q)), 0 same, 1 disjoint. */
    static double histogramDistance(byte[] a, byte[] b) {
        double[] ha = histogram(a);
        double[] hb = histogram(b);
        double bc = 0;
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            bc += Math.sqrt(ha[i] * hb[i]);
        }
        return Math.sqrt(Math.max(0, 1 - bc));
    }

    /** Share of pixels whose grey value changes by more than {@link #CHANGE_LEVEL}. */
    static double changedFraction(byte[] a, byte[] b) {
        int changed = 0;
        for (int i = 0; i < a.length; i++) {
            if (Math.abs((a[i] & 0xff) - (b[i] & 0xff)) > CHANGE_LEVEL) {
                changed++;
            }
        }
        return (double) changed / a.length;
    }

    /** Grey error (0–255) above which the flow does not explain a pixel. */
    static final int UNEXPLAINED_LEVEL = 24;

    /**
     * How well the flow explains frame 0 from frame 1.
     *
     * @param meanError   mean absolute difference between frame 0 and frame 1 sampled along the flow
     *                    (x + f(x)), over the pixels marked visible (the whole frame when none is)
     * @param unexplained share of all pixels whose difference exceeds {@link #UNEXPLAINED_LEVEL}
     */
    record Residual(double meanError, double unexplained) {
    }

    /** Measured on every second pixel of every second row: a quarter of the work for the same mean. */
    static Residual warpError(byte[] g0, byte[] g1, float[] f01, byte[] visible, int w, int h) {
        double sum = 0;
        long n = 0;
        long bad = 0;
        double sumAll = 0;
        long all = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                int i = y * w + x;
                all++;
                float fx = f01[2 * i];
                float fy = f01[2 * i + 1];
                float v;
                if (fx < FlowProjection.NEAR && fx > -FlowProjection.NEAR
                        && fy < FlowProjection.NEAR && fy > -FlowProjection.NEAR) {
                    v = g1[i] & 0xff;
                } else {
                    float sx = Math.max(0, Math.min(w - 1, x + fx));
                    float sy = Math.max(0, Math.min(h - 1, y + fy));
                    int x0 = Math.min((int) sx, w - 1);
                    int y0 = Math.min((int) sy, h - 1);
                    int x1 = Math.min(x0 + 1, w - 1);
                    int y1 = Math.min(y0 + 1, h - 1);
                    float ax = sx - x0;
                    float ay = sy - y0;
                    v = (1 - ay) * ((1 - ax) * (g1[y0 * w + x0] & 0xff) + ax * (g1[y0 * w + x1] & 0xff))
                            + ay * ((1 - ax) * (g1[y1 * w + x0] & 0xff) + ax * (g1[y1 * w + x1] & 0xff));
                }
                double e = Math.abs((g0[i] & 0xff) - v);
                sumAll += e;
                if (e > UNEXPLAINED_LEVEL) {
                    bad++;
                }
                if (visible[i] != 0) {
                    sum += e;
                    n++;
                }
            }
        }
        return new Residual(n > 0 ? sum / n : sumAll / all, (double) bad / all);
    }

    private static double[] histogram(byte[] g) {
        double[] hist = new double[HISTOGRAM_BINS];
        int shift = Integer.numberOfTrailingZeros(256 / HISTOGRAM_BINS);
        for (byte v : g) {
            hist[(v & 0xff) >> shift]++;
        }
        for (int i = 0; i < HISTOGRAM_BINS; i++) {
            hist[i] /= g.length;
        }
        return hist;
    }
}
