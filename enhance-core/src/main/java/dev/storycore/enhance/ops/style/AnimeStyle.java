package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.integer;
import static dev.storycore.enhance.ops.style.ParamSpec.number;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Anime (cel) look: {@link Cartoon} abstraction flattens the picture, lightness falls into a few cel-shading
 * bands, colours are brightened and saturated, and thin dark XDoG outlines are drawn in a darker tone of the
 * local colour.
 */
final class AnimeStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.ANIME,
            "flat cel-shaded colour bands with clean dark outlines",
            "edge-preserving abstraction (domain transform), soft lightness quantization, XDoG outlines",
            "H. Winnemöller, S. C. Olsen, B. Gooch, \"Real-Time Video Abstraction\", SIGGRAPH 2006",
            List.of(
                    number("smoothing", 0, 1, 0.6, "how much texture is flattened"),
                    integer("shades", 2, 8, 4, "lightness bands (cel shades)"),
                    number("saturation", 0, 2, 1.35, "colour saturation"),
                    number("line_width", 0.3, 4, 1, "outline width"),
                    number("line_darkness", 0, 1, 0.85, "how dark the outlines are")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double scale = Math.max(w, h) / 500.0;
        double smooth = c.get("smoothing");
        try (Mat src = Painting.sourceColours(bgr, ctx, 0);
             Mat flat = Cartoon.abstraction(src, (10 + 50 * smooth) * scale, 15 + 40 * smooth, 2);
             Mat lab = StyleReference.toLab(flat); Mat grey = LineArt.grey01(flat)) {
            float[] ink = LineArt.xdogInk(grey, Math.max(0.5, 0.9 * c.get("line_width") * Math.sqrt(scale)), 40, 0.1, 30);
            float[] px = Pixels.floats(lab);
            float sat = (float) c.get("saturation");
            for (int i = 0; i < px.length; i += 3) {
                // Anime palettes are bright: lift lightness before banding it.
                px[i] = (float) (100 * Math.pow(px[i] / 100.0, 0.8));
                px[i + 1] *= sat;
                px[i + 2] *= sat;
            }
            Cartoon.quantizeLightness(px, c.integer("shades"), 0.6f);
            float dark = (float) c.get("line_darkness");
            for (int i = 0, p = 0; p < px.length; i++, p += 3) {
                float a = ink[i] * dark;
                px[p] *= 1 - 0.85f * a;
                px[p + 1] *= 1 - 0.4f * a;
                px[p + 2] *= 1 - 0.4f * a;
            }
            return StyleReference.fromLab(px, h, w);
        }
    }
}
