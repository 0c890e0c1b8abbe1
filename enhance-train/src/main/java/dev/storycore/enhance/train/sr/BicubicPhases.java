package dev.storycore.enhance.train.sr;

/**
 * Bicubic upscaling by an integer factor written as a convolution: after edge-replicating the picture by
 * {@link #PAD} pixels, one grouped 5×5 convolution produces, for every colour channel, the {@code scale²}
 * sub-pixel phases, and a pixel shuffle (CRD order) interleaves them into the big picture.
 *
 * <p>The kernel is Keys' cubic with a = −0.75 and pixel centres aligned ((x + 0.5)/s − 0.5), which is
 * what OpenCV's {@code INTER_CUBIC} computes; a test checks the two agree. Because it is an ordinary
 * convolution, training (DJL) and the exported ONNX graph run exactly the same arithmetic.
 */
final class BicubicPhases {
    static final int PAD = 2;
    static final int KERNEL = 2 * PAD + 1;
    private static final double A = -0.75;

    private BicubicPhases() {
    }

    /** Weights of shape [3·s², 1, 5, 5]: output channel c·s² + ry·s + rx reads colour channel c. */
    static float[] weights(int scale) {
        int phases = scale * scale;
        float[] w = new float[3 * phases * KERNEL * KERNEL];
        for (int c = 0; c < 3; c++) {
            for (int ry = 0; ry < scale; ry++) {
                double[] vy = taps(ry, scale);
                for (int rx = 0; rx < scale; rx++) {
                    double[] vx = taps(rx, scale);
                    int base = ((c * phases) + ry * scale + rx) * KERNEL * KERNEL;
                    for (int ky = 0; ky < KERNEL; ky++) {
                        for (int kx = 0; kx < KERNEL; kx++) {
                            w[base + ky * KERNEL + kx] = (float) (vy[ky] * vx[kx]);
                        }
                    }
                }
            }
        }
        return w;
    }

    /** The 5 one-dimensional weights over source pixels i−2 … i+2 for output phase r. */
    static double[] taps(int r, int scale) {
        double d = (r + 0.5) / scale - 0.5; // source position relative to pixel i, in (−0.5, 0.5)
        int first = d < 0 ? 0 : 1; // index in the 5-window of floor(position) − 1
        double t = d < 0 ? d + 1 : d;
        double[] v = new double[KERNEL];
        v[first] = cubic(1 + t);
        v[first + 1] = cubic(t);
        v[first + 2] = cubic(1 - t);
        v[first + 3] = cubic(2 - t);
        return v;
    }

    private static double cubic(double x) {
        x = Math.abs(x);
        if (x <= 1) {
            return ((A + 2) * x - (A + 3)) * x * x + 1;
        }
        if (x < 2) {
            return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A;
        }
        return 0;
    }
}
