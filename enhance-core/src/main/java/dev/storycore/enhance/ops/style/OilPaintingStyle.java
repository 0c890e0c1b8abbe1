package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Oil painting: anisotropic Kuwahara filtering ({@link AnisotropicKuwahara}) flattens the picture into
 * paint patches shaped by its structure, then bristle streaks along the same structure
 * ({@link BrushTexture}) give the paint body relief. The filter runs at a working resolution of about
 * 0.2 megapixels, which fixes its cost per frame; the relief is added at full resolution.
 */
final class OilPaintingStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.OIL_PAINTING,
            "flat paint patches shaped by the picture's structure, with brush-stroke relief",
            "anisotropic Kuwahara filter with polynomial sector weights, plus line-integral-convolution brush texture",
            "J. E. Kyprianidis, H. Kang, J. Döllner, \"Image and Video Abstraction by Anisotropic Kuwahara Filtering\","
                    + " Computer Graphics Forum 28(7), 2009",
            List.of(
                    number("brush_size", 0.25, 3, 1, "filter radius, relative to the picture (1 = 1/120 of the longer side)"),
                    number("sharpness", 1, 16, 8, "how strictly each pixel takes the most uniform sector (q)"),
                    number("relief", 0, 1, 0.55, "height of the brush-stroke relief"),
                    number("saturation", 0, 2, 1.15, "colour saturation of the paint"),
                    number("palette", 0, 1, 0.5, "with a style image: how far colours move to its palette")));

    private static final double WORK_PIXELS = 200_000;

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double f = Math.min(1.0, Math.sqrt(WORK_PIXELS / ((double) w * h)));
        int ww = Math.max(1, (int) Math.round(w * f));
        int wh = Math.max(1, (int) Math.round(h * f));
        float radius = (float) Math.max(2.0, c.get("brush_size") * Math.max(ww, wh) / 120.0);
        try (Mat src = Painting.sourceColours(bgr, ctx, c.get("palette")); Mat work = new Mat()) {
            if (f < 1) {
                resize(src, work, new Size(ww, wh), 0, 0, INTER_AREA);
            } else {
                src.copyTo(work);
            }
            StructureTensor tensor = StructureTensor.of(work, 2.0);
            float[] rgb;
            try (Mat fl = new Mat()) {
                work.convertTo(fl, CV_32F, 1 / 255.0, 0);
                rgb = Pixels.floats(fl);
            }
            float[] painted = AnisotropicKuwahara.filter(rgb, tensor, radius, (float) c.get("sharpness"));
            Mat canvas = new Mat();
            try (Mat p = Pixels.mat(painted, wh, ww, 3); Mat p8 = new Mat()) {
                p.convertTo(p8, CV_8UC3, 255, 0);
                if (f < 1) {
                    resize(p8, canvas, new Size(w, h), 0, 0, INTER_CUBIC);
                } else {
                    p8.copyTo(canvas);
                }
            }
            Tone.saturate(canvas, c.get("saturation"));
            double relief = c.get("relief");
            if (relief > 0) {
                float strokeLen = (float) Math.max(3, radius / f * 1.2);
                float[] height = BrushTexture.streaks(w, h, tensor, strokeLen, 1, ctx.seed());
                try (Mat hm = Pixels.mat(height, h, w, 1)) {
                    Painting.applyRelief(canvas, hm, relief * 0.6, 0.8);
                }
            }
            return canvas;
        }
    }
}
