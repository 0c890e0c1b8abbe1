package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Cubist faceting: the picture is broken into angular planes, a Delaunay triangulation ({@link Facets}) of
 * blue-noise anchors plus extra anchors on strong edges, so facets are large in calm areas and small where
 * the form turns. Each plane is filled with its mean colour, pulled toward an analytic-cubist earth palette,
 * and shaded by a linear gradient in a direction of its own (the "passage" of Braque and Picasso), so
 * neighbouring planes read as tilted against each other. Inside each plane a simplified copy of the picture
 * is shown shifted by an offset of the plane's own, so the subject appears from several slightly different
 * viewpoints at once; dark lines mark the plane edges, and a second coarse triangulation lays translucent
 * overlapping planes over the first. Triangle-based abstraction
 * follows Lawonn and Günther, "Stylized image triangulation", Computer Graphics Forum 38(1), 2019.
 */
final class CubistStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.CUBIST,
            "angular planes with their own shading, earth palette and dark plane edges",
            "edge-adaptive Delaunay facets with per-facet gradient fills and overlapping translucent planes",
            "K. Lawonn, T. Günther, \"Stylized Image Triangulation\", Computer Graphics Forum 38(1), 2019",
            List.of(
                    number("facet_size", 0.3, 3, 1, "size of the planes (1 = 1/12 of the longer side)"),
                    number("fragmentation", 0, 1, 0.5, "how far each plane's view of the picture is shifted"),
                    number("detail", 0, 1, 0.6, "how many small planes follow strong edges"),
                    number("shading", 0, 1, 0.75, "strength of each plane's light-to-dark gradient"),
                    number("palette", 0, 1, 0.35, "pull toward the earth palette (or a style image's palette)"),
                    number("lines", 0, 1, 0.6, "darkness of the plane edges")));

    private static final float[] EARTH_LAB = {
        72, 6, 38,   // ochre
        52, 22, 36,  // sienna
        34, 10, 18,  // umber
        55, -8, 22,  // olive
        60, -2, -8,  // slate grey
        45, -3, -18, // blue grey
        86, 2, 14,   // cream
        20, 2, 2,    // charcoal
    };

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        float size = (float) Math.max(8, c.get("facet_size") * Math.max(w, h) / 12.0);
        long seed = ctx.seed();
        try (Mat src = Painting.sourceColours(bgr, ctx, 0);
             Mat simple = Cartoon.abstraction(src, size * 0.6, 40, 1); Mat lab = StyleReference.toLab(simple)) {
            float[] px = Pixels.floats(lab);
            StructureTensor t = StructureTensor.of(src, Math.max(1.5, size / 12));
            PointSet anchors = ctx.anchors().layer(0, size * 0.8f, w, h).copy();
            double detail = c.get("detail");
            if (detail > 0) {
                PointSet fine = ctx.anchors().layer(1, size * 0.3f, w, h);
                for (int k = 0; k < fine.size; k++) {
                    int i = (int) fine.y[k] * w + (int) fine.x[k];
                    if (Hash.unit(seed, fine.id[k], 0xc0b) < detail * Math.min(1, t.strength[i] * 4) - 0.1) {
                        anchors.add(fine.x[k], fine.y[k], fine.id[k]);
                    }
                }
            }
            float[] palette = ctx.reference().map(StyleReference::palette).orElse(EARTH_LAB);
            Facets planes = Facets.triangulate(anchors, w, h);
            float[] out = new float[px.length];
            float shift = (float) (c.get("fragmentation") * size * 0.35);
            fill(planes, px, out, palette, (float) c.get("palette"), (float) c.get("shading"), seed, shift);
            Facets overlay = Facets.triangulate(ctx.anchors().layer(2, size * 1.6f, w, h), w, h);
            float[] glaze = new float[px.length];
            fill(overlay, px, glaze, palette, (float) c.get("palette"), (float) c.get("shading"), seed ^ 0x0be7L, shift);
            for (int i = 0; i < w * h; i++) {
                // Half of the big planes lie over the small ones like translucent sheets.
                if (Hash.unit(seed, overlay.key[overlay.label[i]], 0x91a2) < 0.5) {
                    for (int k = 0; k < 3; k++) {
                        out[3 * i + k] = 0.72f * out[3 * i + k] + 0.28f * glaze[3 * i + k];
                    }
                }
            }
            edges(planes, out, (float) c.get("lines"), 0.9f);
            edges(overlay, out, (float) c.get("lines"), 0.5f);
            return StyleReference.fromLab(out, h, w);
        }
    }

    /**
     * Per facet: its mean colour pulled toward the palette, half mixed with the picture seen through a
     * per-facet offset, all shaded by a per-facet linear gradient.
     */
    private static void fill(Facets f, float[] lab, float[] out, float[] palette, float pull, float shading,
                             long seed, float shift) {
        int n = f.count;
        double[] sum = new double[n * 3];
        int[] cnt = new int[n];
        for (int i = 0; i < f.label.length; i++) {
            int l = f.label[i];
            cnt[l]++;
            sum[3 * l] += lab[3 * i];
            sum[3 * l + 1] += lab[3 * i + 1];
            sum[3 * l + 2] += lab[3 * i + 2];
        }
        float[] mean = new float[n * 3];
        float[] dir = new float[n * 3];
        int[] off = new int[n * 2];
        for (int l = 0; l < n; l++) {
            for (int k = 0; k < 3; k++) {
                mean[3 * l + k] = (float) (sum[3 * l + k] / Math.max(1, cnt[l]));
            }
            int best = 0;
            float bd = Float.MAX_VALUE;
            for (int p = 0; p < palette.length / 3; p++) {
                float dl = 0.3f * (mean[3 * l] - palette[3 * p]);
                float da = mean[3 * l + 1] - palette[3 * p + 1];
                float db = mean[3 * l + 2] - palette[3 * p + 2];
                float d = dl * dl + da * da + db * db;
                if (d < bd) {
                    bd = d;
                    best = p;
                }
            }
            mean[3 * l + 1] += pull * (palette[3 * best + 1] - mean[3 * l + 1]);
            mean[3 * l + 2] += pull * (palette[3 * best + 2] - mean[3 * l + 2]);
            mean[3 * l] += 0.4f * pull * (palette[3 * best] - mean[3 * l]);
            double ang = Hash.unit(seed, f.key[l], 0xa9) * 2 * Math.PI;
            float cx = (f.corners[6 * l] + f.corners[6 * l + 2] + f.corners[6 * l + 4]) / 3;
            float cy = (f.corners[6 * l + 1] + f.corners[6 * l + 3] + f.corners[6 * l + 5]) / 3;
            float dx = (float) Math.cos(ang);
            float dy = (float) Math.sin(ang);
            float extent = 1;
            for (int v = 0; v < 3; v++) {
                extent = Math.max(extent, Math.abs((f.corners[6 * l + 2 * v] - cx) * dx
                        + (f.corners[6 * l + 2 * v + 1] - cy) * dy));
            }
            off[2 * l] = (int) Math.round(shift * Hash.signed(seed, f.key[l], 0x5f1));
            off[2 * l + 1] = (int) Math.round(shift * Hash.signed(seed, f.key[l], 0x5f2));
            dir[3 * l] = dx / extent;
            dir[3 * l + 1] = dy / extent;
            dir[3 * l + 2] = -(cx * dx + cy * dy) / extent;
        }
        int w = f.width;
        int h = f.height;
        for (int i = 0; i < f.label.length; i++) {
            int l = f.label[i];
            int x = i % w;
            int y = i / w;
            int j = 3 * (Math.min(h - 1, Math.max(0, y + off[2 * l + 1])) * w + Math.min(w - 1, Math.max(0, x + off[2 * l])));
            float s = x * dir[3 * l] + y * dir[3 * l + 1] + dir[3 * l + 2];
            float view = 0.5f;
            float lum = (1 - view) * mean[3 * l] + view * lab[j];
            out[3 * i] = Math.max(0, Math.min(100, lum * (1 + 0.45f * shading * s)));
            out[3 * i + 1] = (1 - view) * mean[3 * l + 1] + view * (lab[j + 1] + pull * (mean[3 * l + 1] - lab[j + 1]));
            out[3 * i + 2] = (1 - view) * mean[3 * l + 2] + view * (lab[j + 2] + pull * (mean[3 * l + 2] - lab[j + 2]));
        }
    }

    /** Darkens pixels on facet borders (where the label changes), one or two pixels wide. */
    private static void edges(Facets f, float[] lab, float darkness, float weight) {
        int w = f.width;
        int h = f.height;
        float k = darkness * weight * 0.7f;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = f.label[i];
                boolean edge = (x + 1 < w && f.label[i + 1] != l) || (y + 1 < h && f.label[i + w] != l);
                if (edge) {
                    lab[3 * i] *= 1 - k;
                }
            }
        }
    }
}
