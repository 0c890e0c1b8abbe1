package dev.storycore.enhance.ops.interpolate;

/**
 * The motion of the picture at time t, from the two measured flows, by forward projection ("splatting")
 * as in Baker et al. (IJCV 2011, the Middlebury interpolation algorithm) with consistency-weighted
 * averaging in place of a z-buffer:
 *
 * <ul>
 *   <li>every pixel p of frame 0 carries its vector F01(p) to p + t·F01(p); every pixel p of frame 1
 *       carries −F10(p) to p + (1−t)·F10(p); each lands bilinearly on the four nearest pixels;</li>
 *   <li>a vector's weight is 1 where forward–backward consistency says its pixel is visible in the other
 *       frame, and {@link #OCCLUDED_WEIGHT} where it is not, so content that is about to be covered (or was
 *       just uncovered) yields to the content that covers it;</li>
 *   <li>pixels no vector reaches (holes) take the linear estimate of Jiang et al. (Super SloMo, CVPR 2018):
 *       (1−t)·F01 − t·F10.</li>
 * </ul>
 *
 * All arrays are interleaved (dx, dy) at the working resolution; the result M(q) is the 0→1 motion of
 * the content at q at time t, so that content is at q − t·M(q) in frame 0 and q + (1−t)·M(q) in frame 1.
 */
final class FlowProjection {
    static final float OCCLUDED_WEIGHT = 0.02f;
    private static final float HOLE = 1e-3f;
    /** A vector shorter than this (pixels, each axis) is splatted onto its own pixel only. */
    static final float NEAR = 0.05f;

    private FlowProjection() {
    }

    static float[] motionAt(double t, float[] f01, float[] f10, float[] vis0, float[] vis1, int w, int h) {
        return motionAt(t, f01, f10, vis0, vis1, w, h, new Buffers());
    }

    /** Reusable accumulators, so a stream of frames does not allocate megabytes per frame. */
    static final class Buffers {
        private float[] a = new float[0];
        private float[] b = new float[0];
        private float[] out = new float[0];

        void size(int pixels) {
            if (out.length != 2 * pixels) {
                a = new float[3 * pixels];
                b = new float[3 * pixels];
                out = new float[2 * pixels];
            }
        }
    }

    static float[] motionAt(double t, float[] f01, float[] f10, float[] vis0, float[] vis1, int w, int h,
                            Buffers buffers) {
        buffers.size(w * h);
        float[] a = buffers.a;
        float[] b = buffers.b;
        // The two splats write to separate accumulators so they can run at once.
        Parallel.both(
                () -> splat(a, f01, vis0, (float) t, 1f, w, h),
                () -> splat(b, f10, vis1, (float) (1 - t), -1f, w, h));
        float ft = (float) t;
        float[] out = buffers.out;
        Parallel.rows(h, (from, to) -> {
            for (int i = from * w; i < to * w; i++) {
                float wt = a[3 * i + 2] + b[3 * i + 2];
                if (wt > HOLE) {
                    out[2 * i] = (a[3 * i] + b[3 * i]) / wt;
                    out[2 * i + 1] = (a[3 * i + 1] + b[3 * i + 1]) / wt;
                } else {
                    out[2 * i] = (1 - ft) * f01[2 * i] - ft * f10[2 * i];
                    out[2 * i + 1] = (1 - ft) * f01[2 * i + 1] - ft * f10[2 * i + 1];
                }
            }
        });
        return out;
    }

    /** Carries sign·flow(p) to p + step·flow(p); returns interleaved (Σw·dx, Σw·dy, Σw) per pixel. */
    private static float[] splat(float[] acc, float[] flow, float[] vis, float step, float sign, int w, int h) {
        java.util.Arrays.fill(acc, 0f);
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                float dx = flow[2 * i];
                float dy = flow[2 * i + 1];
                float qx = x + step * dx;
                float qy = y + step * dy;
                if (qx < 0 || qy < 0 || qx > w - 1 || qy > h - 1) {
                    continue;
                }
                float base = OCCLUDED_WEIGHT + (1 - OCCLUDED_WEIGHT) * vis[i];
                float vx = sign * dx;
                float vy = sign * dy;
                float sx = step * dx;
                float sy = step * dy;
                if (sx < NEAR && sx > -NEAR && sy < NEAR && sy > -NEAR) {
                    // Lands (almost) on itself, as most still pixels do: one add instead of four.
                    add(acc, i, base, vx, vy);
                    continue;
                }
                int x0 = (int) qx;
                int y0 = (int) qy;
                float ax = qx - x0;
                float ay = qy - y0;
                int x1 = Math.min(x0 + 1, w - 1);
                int y1 = Math.min(y0 + 1, h - 1);
                add(acc, y0 * w + x0, base * (1 - ax) * (1 - ay), vx, vy);
                add(acc, y0 * w + x1, base * ax * (1 - ay), vx, vy);
                add(acc, y1 * w + x0, base * (1 - ax) * ay, vx, vy);
                add(acc, y1 * w + x1, base * ax * ay, vx, vy);
            }
        }
        return acc;
    }

    private static void add(float[] acc, int j, float wgt, float vx, float vy) {
        acc[3 * j] += wgt * vx;
        acc[3 * j + 1] += wgt * vy;
        acc[3 * j + 2] += wgt;
    }

    /** Bilinear sample of a one-channel array at (x, y), clamped to the picture. */
    static float sample(float[] a, int w, int h, float x, float y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min((int) x, w - 1);
        int y0 = Math.min((int) y, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float ax = x - x0;
        float ay = y - y0;
        return (1 - ay) * ((1 - ax) * a[y0 * w + x0] + ax * a[y0 * w + x1])
                + ay * ((1 - ax) * a[y1 * w + x0] + ax * a[y1 * w + x1]);
    }
}
