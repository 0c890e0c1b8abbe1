package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The smoothed colour structure tensor (Brox, Weickert et al. 2006; as used by Kyprianidis, Kang and Döllner,
 * "Image and video abstraction by anisotropic Kuwahara filtering", 2009): per pixel, the direction of least
 * colour change (the edge tangent, along which strokes and filters are oriented), the anisotropy (0 in flat
 * or isotropic regions, 1 along a clean edge) and the gradient strength.
 */
final class StructureTensor {
    final int width;
    final int height;
    /** Unit tangent: the direction along edges. */
    final float[] tx;
    final float[] ty;
    /** (λ1 − λ2) / (λ1 + λ2), in 0..1. */
    final float[] anisotropy;
    /** sqrt(λ1): gradient magnitude on the 0..1 colour scale. */
    final float[] strength;
    /** Factor from the caller's pixel coordinates to this tensor's (1 unless measured on a reduced copy). */
    float scale = 1;

    private StructureTensor(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        tx = new float[n];
        ty = new float[n];
        anisotropy = new float[n];
        strength = new float[n];
    }

    /** Index of the tensor sample covering the caller's pixel (x, y). */
    int at(float x, float y) {
        int tx0 = Math.min(width - 1, Math.max(0, (int) (x * scale)));
        int ty0 = Math.min(height - 1, Math.max(0, (int) (y * scale)));
        return ty0 * width + tx0;
    }

    /**
     * Measured on a copy reduced by {@code factor} (the orientation field is smooth at the scale of a large
     * brush, so this loses nothing visible and costs factor² less); look samples up with {@link #at}.
     */
    static StructureTensor reduced(Mat picture, double sigma, int factor) {
        if (factor <= 1) {
            return of(picture, sigma);
        }
        try (Mat small = new Mat(); org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(
                Math.max(1, picture.cols() / factor), Math.max(1, picture.rows() / factor))) {
            org.bytedeco.opencv.global.opencv_imgproc.resize(picture, small, size, 0, 0,
                    org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA);
            StructureTensor t = of(small, Math.max(0.7, sigma / factor));
            t.scale = small.cols() / (float) picture.cols();
            return t;
        }
    }

    /** From an 8-bit BGR (or grey) picture, smoothing the tensor with a Gaussian of the given sigma. */
    static StructureTensor of(Mat picture, double sigma) {
        int w = picture.cols();
        int h = picture.rows();
        int ch = picture.channels();
        float[] efg = new float[w * h * 3];
        try (Mat f = new Mat(); Mat dx = new Mat(); Mat dy = new Mat()) {
            picture.convertTo(f, CV_32F, 1 / 255.0, 0);
            Sobel(f, dx, CV_32F, 1, 0, 3, 0.125, 0, BORDER_REFLECT101);
            Sobel(f, dy, CV_32F, 0, 1, 3, 0.125, 0, BORDER_REFLECT101);
            float[] gx = Pixels.floats(dx);
            float[] gy = Pixels.floats(dy);
            for (int i = 0, p = 0; i < w * h; i++, p += ch) {
                float e = 0;
                float fxy = 0;
                float g = 0;
                for (int c = 0; c < ch; c++) {
                    float a = gx[p + c];
                    float b = gy[p + c];
                    e += a * a;
                    fxy += a * b;
                    g += b * b;
                }
                efg[3 * i] = e;
                efg[3 * i + 1] = fxy;
                efg[3 * i + 2] = g;
            }
        }
        if (sigma > 0) {
            try (Mat m = Pixels.mat(efg, h, w, 3); Mat s = new Mat()) {
                Blur.gaussian(m, s, sigma);
                efg = Pixels.floats(s);
            }
        }
        StructureTensor t = new StructureTensor(w, h);
        for (int i = 0; i < w * h; i++) {
            float e = efg[3 * i];
            float f = efg[3 * i + 1];
            float g = efg[3 * i + 2];
            float root = (float) Math.sqrt((e - g) * (e - g) + 4 * f * f);
            float l1 = (e + g + root) / 2;
            float l2 = (e + g - root) / 2;
            float vx = l1 - e;
            float vy = -f;
            float len = (float) Math.sqrt(vx * vx + vy * vy);
            if (len > 1e-12f) {
                t.tx[i] = vx / len;
                t.ty[i] = vy / len;
            } else if (e >= g) {
                t.tx[i] = 0;
                t.ty[i] = 1;
            } else {
                t.tx[i] = 1;
                t.ty[i] = 0;
            }
            float sum = l1 + l2;
            t.anisotropy[i] = sum > 1e-9f ? Math.max(0, Math.min(1, (l1 - l2) / sum)) : 0;
            t.strength[i] = (float) Math.sqrt(Math.max(0, l1));
        }
        return t;
    }

}
