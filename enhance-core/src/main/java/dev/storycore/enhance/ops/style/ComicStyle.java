package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.integer;
import static dev.storycore.enhance.ops.style.ParamSpec.number;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Comic-book print: {@link Cartoon} abstraction into flat colour bands, solid black in the deepest
 * shadows, Ben-Day halftone dots ({@link Halftone}) in the half-shadows, and bold black XDoG ink lines.
 */
final class ComicStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.COMIC,
            "flat print colours, bold ink lines, black shadows and halftone dots",
            "edge-preserving abstraction, lightness quantization, XDoG ink lines, amplitude-modulated halftone",
            "H. Winnemöller, S. C. Olsen, B. Gooch, \"Real-Time Video Abstraction\", SIGGRAPH 2006;"
                    + " halftone screening after R. Ulichney, \"Digital Halftoning\", MIT Press 1987",
            List.of(
                    integer("shades", 2, 6, 3, "flat colour bands"),
                    number("dot_size", 0.3, 4, 1, "halftone dot spacing, relative to the picture (1 = 1/110 of the longer side)"),
                    number("line_width", 0.3, 4, 1.2, "ink line width"),
                    number("shadow", 0, 1, 0.5, "how much of the dark range is filled with solid black"),
                    number("saturation", 0, 2, 1.5, "print colour saturation")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double scale = Math.max(w, h) / 500.0;
        try (Mat src = Painting.sourceColours(bgr, ctx, 0);
             Mat flat = Cartoon.abstraction(src, 45 * scale, 45, 2);
             Mat lab = StyleReference.toLab(flat); Mat grey = LineArt.grey01(flat)) {
            float[] ink = LineArt.xdogInk(grey, Math.max(0.6, 1.1 * c.get("line_width") * Math.sqrt(scale)), 45, 0.1, 40);
            float[] px = Pixels.floats(lab);
            int n = w * h;
            float[] lightness = new float[n];
            float sat = (float) c.get("saturation");
            for (int i = 0; i < n; i++) {
                lightness[i] = px[3 * i];
                px[3 * i] = (float) (100 * Math.pow(px[3 * i] / 100.0, 0.75));
                px[3 * i + 1] *= sat;
                px[3 * i + 2] *= sat;
            }
            Cartoon.quantizeLightness(px, c.integer("shades"), 1.0f);
            float blackBelow = (float) (8 + 22 * c.get("shadow"));
            float dotsBelow = 55;
            float[] coverage = new float[n];
            for (int i = 0; i < n; i++) {
                float l = lightness[i];
                coverage[i] = l >= dotsBelow ? 0 : Math.min(0.65f, (dotsBelow - l) / (dotsBelow - blackBelow) * 0.55f);
            }
            float cell = (float) Math.max(3, c.get("dot_size") * Math.max(w, h) / 110.0);
            float[] dots = Halftone.dots(coverage, w, h, cell, 45);
            for (int i = 0; i < n; i++) {
                int p = 3 * i;
                float l = lightness[i];
                // Dots are printed in a dark shade of the local colour; the deepest shadows are solid black.
                float d = dots[i];
                px[p] *= 1 - 0.6f * d;
                float solid = Pixels.clamp01((blackBelow - l) / 4f + 0.5f);
                float black = Math.max(solid, Math.min(1, ink[i] * 1.2f));
                px[p] *= 1 - black;
                px[p + 1] *= 1 - black;
                px[p + 2] *= 1 - black;
            }
            return StyleReference.fromLab(px, h, w);
        }
    }
}
