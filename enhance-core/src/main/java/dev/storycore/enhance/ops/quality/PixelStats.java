package dev.storycore.enhance.ops.quality;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small pixel helpers the measures share: histograms and percentiles of 8-bit single-channel pictures. */
final class PixelStats {
    private PixelStats() {
    }

    /** 256-bin histogram of an 8-bit single-channel Mat. */
    static long[] histogram(Mat grey8) {
        Mat m = grey8.isContinuous() ? grey8 : grey8.clone();
        try {
            int n = (int) m.total();
            byte[] buf = new byte[n];
            new BytePointer(m.data()).get(buf);
            long[] h = new long[256];
            for (byte b : buf) {
                h[b & 0xff]++;
            }
            return h;
        } finally {
            if (m != grey8) {
                m.close();
            }
        }
    }

    /** The smallest value v such that at least {@code fraction} of the samples are <= v. */
    static int percentile(long[] histogram, double fraction) {
        long total = 0;
        for (long c : histogram) {
            total += c;
        }
        long need = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen >= need && seen > 0) {
                return v;
            }
        }
        return histogram.length - 1;
    }

    /** Fraction of samples in [lo, hi]. */
    static double fraction(long[] histogram, int lo, int hi) {
        long total = 0;
        long in = 0;
        for (int v = 0; v < histogram.length; v++) {
            total += histogram[v];
            if (v >= lo && v <= hi) {
                in += histogram[v];
            }
        }
        return total == 0 ? 0 : (double) in / total;
    }

    /** Linear ramp from 0 at {@code lo} to 1 at {@code hi} (either order), clamped; the calibration curve. */
    static double ramp(double x, double lo, double hi) {
        double t = (x - lo) / (hi - lo);
        return Math.max(0, Math.min(1, t));
    }
}
