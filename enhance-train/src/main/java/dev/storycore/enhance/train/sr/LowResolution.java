package dev.storycore.enhance.train.sr;

import dev.storycore.enhance.measure.BicubicDownscale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Makes the low-resolution input of a training or validation pair with exactly the code the SR benchmark
 * uses ({@link BicubicDownscale}, MATLAB-style antialiased bicubic), so the network learns the degradation
 * it is scored on.
 */
final class LowResolution {
    private LowResolution() {
    }

    /** {@code hr} (sides multiples of {@code scale}) shrunk by {@code scale}; the caller closes the result. */
    static Mat downscale(Mat hr, int scale) {
        return BicubicDownscale.shrink(hr, scale);
    }
}
