package dev.storycore.enhance.ops.motion;

/**
 * A summary of a motion field, in pixels.
 *
 * @param meanMagnitude  mean vector length
 * @param stdMagnitude   standard deviation of the vector length (the spread of the motion)
 * @param p95Magnitude   95th percentile of the vector length (robust "fast motion" figure)
 * @param maxMagnitude   longest vector
 * @param meanDx         mean horizontal component (global pan)
 * @param meanDy         mean vertical component
 * @param movingFraction fraction of pixels that move more than {@link #MOVING_THRESHOLD} pixels
 */
public record FlowStats(double meanMagnitude, double stdMagnitude, double p95Magnitude, double maxMagnitude,
                        double meanDx, double meanDy, double movingFraction) {
    /** A pixel "moves" when its vector is longer than this (pixels); below it DIS mostly measures noise. */
    public static final double MOVING_THRESHOLD = 0.5;

    // The percentile comes from a histogram (0.1 px bins) rather than a sort: O(n) on every frame pair.
    private static final int BINS_PER_PIXEL = 10;
    private static final int HISTOGRAM_BINS = 512 * BINS_PER_PIXEL;

    public static FlowStats of(FlowField flow) {
        return of(flow.toArray());
    }

    /** Statistics of interleaved (dx, dy) vectors. */
    public static FlowStats of(float[] xy) {
        int n = xy.length / 2;
        if (n == 0) {
            throw new IllegalArgumentException("no vectors");
        }
        int[] histogram = new int[HISTOGRAM_BINS];
        double sum = 0;
        double sumSq = 0;
        double sx = 0;
        double sy = 0;
        double max = 0;
        int moving = 0;
        for (int i = 0; i < n; i++) {
            float dx = xy[2 * i];
            float dy = xy[2 * i + 1];
            float m = (float) Math.sqrt(dx * dx + dy * dy);
            histogram[Math.min(HISTOGRAM_BINS - 1, (int) (m * BINS_PER_PIXEL))]++;
            sum += m;
            sumSq += (double) m * m;
            sx += dx;
            sy += dy;
            max = Math.max(max, m);
            if (m > MOVING_THRESHOLD) {
                moving++;
            }
        }
        double mean = sum / n;
        double std = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double p95 = percentile(histogram, n, 0.95, max);
        return new FlowStats(mean, std, p95, max, sx / n, sy / n, (double) moving / n);
    }

    private static double percentile(int[] histogram, int n, double q, double max) {
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return Math.min(max, (b + 1.0) / BINS_PER_PIXEL);
            }
        }
        return max;
    }
}
