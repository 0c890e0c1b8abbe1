package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Steps shared by the painterly styles: colours from a reference painting, and paint relief. */
final class Painting {
    private Painting() {
    }

    /**
     * The colours strokes are picked from: the picture itself, or, with a style image, the picture with the
     * painting's tone statistics (Reinhard transfer) and colours pulled toward its palette by {@code paletteWeight}.
     */
    static Mat sourceColours(Mat bgr, RenderContext ctx, double paletteWeight) {
        if (ctx.reference().isEmpty()) {
            return bgr.clone();
        }
        StyleReference ref = ctx.reference().get();
        try (Mat transferred = ref.transfer(bgr)) {
            return paletteWeight > 0 ? ref.toPalette(transferred, paletteWeight) : transferred.clone();
        }
    }

    /**
     * Bump-shades the canvas with a height field (Hertzmann, "Fast paint texture", NPAR 2002): lit from the
     * upper left, so stroke edges and paint ridges catch light on one side and shadow on the other.
     *
     * @param height float height field, about 0..1
     * @param amount 0 (flat) .. 1 (strong relief)
     */
    static void applyRelief(Mat canvas, Mat height, double amount, double sigma) {
        if (amount <= 0) {
            return;
        }
        int w = canvas.cols();
        int h = canvas.rows();
        float[] gx;
        float[] gy;
        try (Mat s = new Mat(); Mat dx = new Mat(); Mat dy = new Mat()) {
            Blur.gaussian(height, s, sigma);
            Sobel(s, dx, CV_32F, 1, 0, 3, 0.125, 0, BORDER_REFLECT101);
            Sobel(s, dy, CV_32F, 0, 1, 3, 0.125, 0, BORDER_REFLECT101);
            gx = Pixels.floats(dx);
            gy = Pixels.floats(dy);
        }
        byte[] px = Pixels.bytes(canvas);
        float k = (float) (amount * 4.0);
        for (int i = 0; i < w * h; i++) {
            // Light from the upper left: a surface rising toward the light is brighter.
            float shade = 1 + k * (-(gx[i] + gy[i]) * 0.7071f);
            shade = Math.max(0.6f, Math.min(1.4f, shade));
            for (int c = 0; c < 3; c++) {
                px[3 * i + c] = Pixels.clampByte(Pixels.u(px[3 * i + c]) * shade);
            }
        }
        try (Mat m = Pixels.mat(px, h, w, 3)) {
            m.copyTo(canvas);
        }
    }
}
