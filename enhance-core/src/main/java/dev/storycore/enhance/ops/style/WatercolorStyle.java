package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.remap;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Watercolour after Bousseau, Kaplan, Thollot and Sillion ("Interactive watercolor rendering with temporal
 * coherence and abstraction", NPAR 2006): morphological abstraction into washes, wobbling of the wash edges
 * by the paper texture, then pigment density modulated by wet-edge darkening, turbulent flow (low-frequency
 * noise), pigment granulation and paper grain (high-frequency noise), applied with Bousseau's colour
 * modification C' = C − (C − C²)(d − 1).
 */
final class WatercolorStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.WATERCOLOR,
            "transparent washes with darkened wet edges, pigment granulation and paper texture",
            "morphological abstraction, edge wobbling, density modulation (edge darkening, turbulence, granulation, paper)",
            "A. Bousseau, M. Kaplan, J. Thollot, F. X. Sillion, \"Interactive watercolor rendering with temporal"
                    + " coherence and abstraction\", NPAR 2006",
            List.of(
                    number("abstraction", 0, 1, 0.35, "size of the simplified wash shapes"),
                    number("edge_darkening", 0, 1, 0.6, "pigment collected at the edges of washes"),
                    number("granulation", 0, 1, 0.5, "pigment granulation and paper grain"),
                    number("turbulence", 0, 1, 0.5, "low-frequency pigment density variation"),
                    number("wobble", 0, 1, 0.5, "irregularity of wash edges"),
                    number("palette", 0, 1, 0.4, "with a style image: how far colours move to its palette")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double scale = Math.max(w, h) / 500.0;
        long seed = ctx.seed();
        float[] paper = Noise.fractal(w, h, (float) Math.max(2, 3 * scale), 2, seed ^ 0x9a9e7L);
        float[] flow = Noise.fractal(w, h, (float) (60 * scale), 3, seed ^ 0xf10L);
        float[] pigment = Noise.fractal(w, h, 1.5f, 1, seed ^ 0x9123L);
        try (Mat src = Painting.sourceColours(bgr, ctx, c.get("palette"));
             Mat washes = abstraction(src, c.get("abstraction"), scale);
             Mat wobbled = wobble(washes, paper, c.get("wobble") * 2.5 * Math.sqrt(scale))) {
            float[] edges = edgeStrength(wobbled, scale);
            byte[] px = Pixels.bytes(wobbled);
            float ed = (float) c.get("edge_darkening");
            float gr = (float) c.get("granulation");
            float tu = (float) c.get("turbulence");
            for (int i = 0; i < w * h; i++) {
                // Pigment density d: 1 = as painted, > 1 darker, < 1 lighter (Bousseau et al. 2006).
                float d = 1 + 1.6f * ed * edges[i]
                        + 0.55f * tu * (flow[i] - 0.5f)
                        + 0.5f * gr * (pigment[i] - 0.5f)
                        + 0.35f * gr * (paper[i] - 0.5f);
                for (int k = 0; k < 3; k++) {
                    // Watercolour is transparent: the paper's white lifts every wash a little.
                    float col = 0.1f + 0.9f * Pixels.u(px[3 * i + k]) / 255f;
                    float out = col - (col - col * col) * (d - 1);
                    out *= 1 - 0.06f * gr * (1 - paper[i]);
                    px[3 * i + k] = Pixels.clampByte(255 * out);
                }
            }
            return Pixels.mat(px, h, w, 3);
        }
    }

    /** Closing then opening with a disc removes small details and rounds shapes into washes. */
    private static Mat abstraction(Mat src, double amount, double scale) {
        int k = Math.max(3, (int) Math.round((3 + 8 * amount) * scale)) | 1;
        try (Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(k, k)); Mat closed = new Mat();
             Point anchor = new Point(-1, -1)) {
            morphologyEx(src, closed, MORPH_CLOSE, kernel, anchor, 1, BORDER_REFLECT101, new Scalar(0));
            Mat opened = new Mat();
            morphologyEx(closed, opened, MORPH_OPEN, kernel, anchor, 1, BORDER_REFLECT101, new Scalar(0));
            Mat smooth = Cartoon.abstraction(opened, 20 * scale, 25, 1);
            opened.close();
            return smooth;
        }
    }

    /** Displaces the picture by the gradient of the paper texture, so wash edges follow the paper's grain. */
    private static Mat wobble(Mat src, float[] paper, double amplitude) {
        int w = src.cols();
        int h = src.rows();
        float[] mx = new float[w * h];
        float[] my = new float[w * h];
        try (Mat p = Pixels.mat(paper, h, w, 1); Mat soft = Blur.gaussian(p, 2.0)) {
            float[] s = Pixels.floats(soft);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    float gx = s[y * w + Math.min(w - 1, x + 1)] - s[y * w + Math.max(0, x - 1)];
                    float gy = s[Math.min(h - 1, y + 1) * w + x] - s[Math.max(0, y - 1) * w + x];
                    mx[i] = x + (float) (amplitude * gx * 10);
                    my[i] = y + (float) (amplitude * gy * 10);
                }
            }
        }
        try (Mat mapX = Pixels.mat(mx, h, w, 1); Mat mapY = Pixels.mat(my, h, w, 1)) {
            Mat out = new Mat();
            remap(src, out, mapX, mapY, INTER_LINEAR, BORDER_REFLECT101, new Scalar(0));
            return out;
        }
    }

    /** Wet-edge weight: gradient magnitude of the washes, narrowed to a band along each edge. */
    private static float[] edgeStrength(Mat washes, double scale) {
        try (Mat grey = LineArt.grey01(washes); Mat soft = Blur.gaussian(grey, Math.max(1, 1.2 * scale));
             Mat dx = new Mat(); Mat dy = new Mat()) {
            Sobel(soft, dx, CV_32F, 1, 0, 3, 1, 0, BORDER_REFLECT101);
            Sobel(soft, dy, CV_32F, 0, 1, 3, 1, 0, BORDER_REFLECT101);
            float[] gx = Pixels.floats(dx);
            float[] gy = Pixels.floats(dy);
            float[] e = new float[gx.length];
            for (int i = 0; i < e.length; i++) {
                e[i] = Pixels.clamp01((float) Math.sqrt(gx[i] * gx[i] + gy[i] * gy[i]) * 2.5f);
            }
            return e;
        }
    }

}
