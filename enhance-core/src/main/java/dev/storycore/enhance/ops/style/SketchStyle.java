package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pencil sketch: XDoG outlines ({@link LineArt}, Winnemöller et al. 2012) over tonal cross-hatching
 * ({@link Hatching}) on a paper grain, in graphite grey.
 */
final class SketchStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.SKETCH,
            "pencil outlines and cross-hatched shading on paper",
            "extended difference-of-Gaussians (XDoG) lines plus tone-dependent hatching layers",
            "H. Winnemöller, J. E. Kyprianidis, S. C. Olsen, \"XDoG: An eXtended difference-of-Gaussians compendium"
                    + " including advanced image stylization\", Computers & Graphics 36(6), 2012",
            List.of(
                    number("line_width", 0.3, 4, 1, "outline width (the inner Gaussian's sigma, per 500 pixels)"),
                    number("line_detail", 0, 1, 0.5, "how many fine edges become lines"),
                    number("hatching", 0, 1, 0.7, "darkness of the tonal hatching"),
                    number("paper", 0, 1, 0.5, "visibility of the paper grain")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double scale = Math.max(w, h) / 500.0;
        float[] ink;
        float[] tone;
        try (Mat grey = LineArt.grey01(bgr)) {
            // Pencil drawings are lighter than photos: lift the mid-tones before drawing.
            org.bytedeco.opencv.global.opencv_core.pow(grey, 0.65, grey);
            double detail = c.get("line_detail");
            ink = LineArt.xdogInk(grey, Math.max(0.4, c.get("line_width") * 0.8 * Math.sqrt(scale)),
                    20 + 60 * detail, 0.12, 20);
            try (Mat soft = Blur.gaussian(grey, Math.max(1, 1.5 * scale))) {
                tone = Pixels.floats(soft);
            }
        }
        int len = Math.max(7, (int) Math.round(14 * Math.sqrt(scale)));
        float[] h1 = Hatching.streaks(w, h, 60, len, ctx.seed(), 1);
        float[] h2 = Hatching.streaks(w, h, -30, len, ctx.seed(), 2);
        float[] h3 = Hatching.streaks(w, h, 15, len, ctx.seed(), 3);
        float[] grain = Hatching.streaks(w, h, 90, 3, ctx.seed(), 4);
        float hatch = (float) c.get("hatching");
        float paper = (float) c.get("paper");
        byte[] out = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            float dark = 1 - tone[i];
            float shade = 0;
            shade = Math.max(shade, layer(dark, 0.30f, h1[i]));
            shade = Math.max(shade, layer(dark, 0.52f, h2[i]));
            shade = Math.max(shade, layer(dark, 0.72f, h3[i]));
            float v = 1 - 0.85f * ink[i];
            v *= 1 - hatch * 0.75f * shade;
            v *= 1 - paper * 0.08f * grain[i];
            // Graphite is a cool grey; paper is a faint warm white.
            float paperWhite = 0.985f;
            out[3 * i] = Pixels.clampByte(255 * v * paperWhite * 0.94f + (1 - v) * 8);
            out[3 * i + 1] = Pixels.clampByte(255 * v * paperWhite * 0.975f + (1 - v) * 6);
            out[3 * i + 2] = Pixels.clampByte(255 * v * paperWhite + (1 - v) * 4);
        }
        return Pixels.mat(out, h, w, 3);
    }

    /** Streak coverage of one hatching layer, faded in as darkness passes the layer's threshold. */
    private static float layer(float dark, float threshold, float streak) {
        float on = Pixels.clamp01((dark - threshold) / 0.18f);
        float line = Pixels.clamp01((streak - 0.55f) / 0.2f);
        return on * line;
    }
}
