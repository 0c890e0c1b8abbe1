package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Pointillism (divisionism): the picture is rebuilt from small round dots of a limited set of pure pigments
 * on a light ground. Dots sit on blue-noise (Poisson-disk) positions; a second, finer layer is stippled with
 * a density that follows the picture's detail (weighted stippling in the spirit of Secord, "Weighted Voronoi
 * stippling", NPAR 2002). Each dot takes one of the two pigments nearest its target colour in CIELAB, chosen
 * at random in proportion to how close each is, so neighbouring dots mix optically into the target colour as
 * in Seurat's technique. With a style image the pigments are the painting's palette.
 */
final class PointillismStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.POINTILLISM,
            "dots of pure pigment that mix in the eye, on a light ground",
            "Poisson-disk dot placement with detail-weighted stippling; two-pigment optical-mixing dither in CIELAB",
            "R. Bridson, \"Fast Poisson Disk Sampling in Arbitrary Dimensions\", SIGGRAPH 2007 sketches;"
                    + " A. Secord, \"Weighted Voronoi Stippling\", NPAR 2002",
            List.of(
                    number("dot_size", 0.3, 4, 1, "dot spacing, relative to the picture (1 = 1/110 of the longer side)"),
                    number("detail", 0, 1, 0.6, "density of the finer dots on edges and detail"),
                    number("vibrancy", 0, 2, 1.3, "saturation of the pigments"),
                    number("ground", 0, 1, 0.35, "how much of the light ground shows between dots")));

    private static final float[] GROUND_BGR = {228, 238, 244};

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        float spacing = (float) Math.max(2.5, c.get("dot_size") * Math.max(w, h) / 110.0);
        float groundShow = (float) c.get("ground");
        Pigments pigments = ctx.reference().map(r -> Pigments.fromPalette(r.palette()))
                .orElseGet(Pigments::seurat);
        try (Mat src = Painting.sourceColours(bgr, ctx, 0)) {
            Tone.saturate(src, c.get("vibrancy"));
            Mat canvas = ground(src, groundShow);
            float[] lab;
            float[] labFine;
            try (Mat soft = Blur.gaussian(src, spacing * 0.5); Mat l = StyleReference.toLab(soft);
                 Mat fine = Blur.gaussian(src, spacing * 0.25); Mat lf = StyleReference.toLab(fine)) {
                lab = Pixels.floats(l);
                labFine = Pixels.floats(lf);
            }
            StructureTensor t = StructureTensor.of(src, spacing * 0.5);
            try (StrokePainter painter = new StrokePainter(2)) {
                PointSet base = ctx.anchors().layer(0, spacing, w, h);
                float rBase = spacing * (0.4f + 0.2f * (1 - groundShow));
                paint(canvas, painter, base, lab, w, pigments, rBase, ctx.seed(), 0, null, 0);
                double detail = c.get("detail");
                if (detail > 0) {
                    PointSet fine = ctx.anchors().layer(1, spacing * 0.55f, w, h);
                    paint(canvas, painter, fine, labFine, w, pigments, spacing * 0.3f, ctx.seed(), 1,
                            t.strength, (float) detail);
                }
            }
            return canvas;
        }
    }

    /**
     * Dots of one layer. With an importance map, a dot is kept only when its own fixed random number is below
     * the local importance, so the density follows detail and the choice is stable as the dot moves.
     */
    private static void paint(Mat canvas, StrokePainter painter, PointSet dots, float[] lab, int w,
                              Pigments pigments, float radius, long seed, int layer, float[] importance, float gain) {
        for (int k : dots.hashedOrder(seed + layer)) {
            int i = (int) dots.y[k] * w + (int) dots.x[k];
            long id = dots.id[k];
            if (importance != null) {
                float keep = Math.min(1f, gain * (0.25f + importance[i] * 6f));
                if (Hash.unit(seed, id, 0x100L + layer) >= keep) {
                    continue;
                }
            }
            float[] pig = pigments.pick(lab[3 * i], lab[3 * i + 1], lab[3 * i + 2],
                    Hash.unit(seed, id, 0x200L + layer));
            float size = radius * (float) (0.85 + 0.3 * Hash.unit(seed, id, 0x300L + layer));
            painter.dot(canvas, dots.x[k], dots.y[k], size, pig[0], pig[1], pig[2]);
        }
    }

    /** The light ground, tinted a little by the picture so gaps between dots do not glare. */
    private static Mat ground(Mat src, float show) {
        int w = src.cols();
        int h = src.rows();
        byte[] px;
        try (Mat soft = new Mat()) {
            Blur.wide(src, soft, Math.max(w, h) / 60.0);
            px = Pixels.bytes(soft);
        }
        float tint = 0.55f - 0.35f * show;
        for (int i = 0; i < w * h; i++) {
            for (int k = 0; k < 3; k++) {
                px[3 * i + k] = Pixels.clampByte(GROUND_BGR[k] * (1 - tint) + Pixels.u(px[3 * i + k]) * tint);
            }
        }
        Mat m = Pixels.mat(px, h, w, 3);
        assert m.type() == CV_8UC3;
        return m;
    }
}
