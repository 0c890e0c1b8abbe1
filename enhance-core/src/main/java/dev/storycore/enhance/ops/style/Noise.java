package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Seeded value noise: random values on a coarse lattice, interpolated bicubically by OpenCV, summed over
 * octaves (fractal noise). The same seed gives the same texture, so paper and pigment textures stay put
 * from frame to frame.
 */
final class Noise {
    private Noise() {
    }

    /**
     * @param cell    lattice spacing of the first octave, in pixels
     * @param octaves number of octaves, each half the cell size and half the amplitude
     * @return values roughly in 0..1, mean 0.5
     */
    static float[] fractal(int w, int h, float cell, int octaves, long seed) {
        float[] sum = new float[w * h];
        float amp = 1;
        float total = 0;
        for (int o = 0; o < octaves; o++) {
            float c = Math.max(1, cell / (1 << o));
            int gw = (int) Math.ceil(w / c) + 2;
            int gh = (int) Math.ceil(h / c) + 2;
            float[] lattice = new float[gw * gh];
            for (int i = 0; i < lattice.length; i++) {
                lattice[i] = (float) Hash.unit(seed, i, 0x6e01L + o);
            }
            float[] up;
            try (Mat g = Pixels.mat(lattice, gh, gw, 1); Mat big = new Mat()) {
                resize(g, big, new Size(Math.round(gw * c), Math.round(gh * c)), 0, 0, INTER_CUBIC);
                try (Mat roi = big.apply(new org.bytedeco.opencv.opencv_core.Rect(0, 0, w, h))) {
                    up = Pixels.floats(roi);
                }
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += amp * (up[i] - 0.5f);
            }
            total += amp;
            amp *= 0.5f;
        }
        // Bicubic value noise has a spread of ~0.2 per octave; scale so the sum spans about 0..1.
        float gain = 1.6f / total;
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Pixels.clamp01(0.5f + sum[i] * gain);
        }
        return sum;
    }
}
