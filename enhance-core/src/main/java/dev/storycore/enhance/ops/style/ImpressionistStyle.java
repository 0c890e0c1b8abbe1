package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.integer;
import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT101;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_imgproc.boxFilter;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Impressionist painting with curved brush strokes of several sizes (Hertzmann, "Painterly rendering with
 * curved brush strokes of multiple sizes", SIGGRAPH 1998): layers from the largest brush to the smallest;
 * each layer paints only where the canvas still differs from a blurred copy of the picture by more than a
 * threshold; each stroke starts at an anchor and bends along the edge tangent of the structure tensor until
 * the colour under it changes. Anchors are blue-noise points (instead of the paper's grid) so that, on video,
 * they can move with the content. A thin relief from the stroke layout gives the paint body.
 */
final class ImpressionistStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.IMPRESSIONIST,
            "curved brush strokes of several sizes, painted coarse to fine along the picture's structure",
            "multi-layer curved brush strokes oriented along the smoothed structure tensor",
            "A. Hertzmann, \"Painterly Rendering with Curved Brush Strokes of Multiple Sizes\", SIGGRAPH 1998",
            List.of(
                    number("brush_size", 0.25, 4, 1, "largest brush, relative to the picture (1 = 1/70 of the longer side)"),
                    integer("layers", 1, 4, 3, "number of brush sizes, each half the previous"),
                    integer("stroke_length", 1, 24, 10, "longest stroke, in brush-radius steps"),
                    number("threshold", 1, 100, 14, "colour difference (0..255) above which a finer brush repaints"),
                    number("curvature", 0, 1, 0.75, "how closely strokes bend with the picture's structure"),
                    number("jitter", 0, 1, 0.5, "random variation of stroke colour"),
                    number("relief", 0, 1, 0.25, "shading of the paint body along stroke edges"),
                    number("palette", 0, 1, 0.6, "with a style image: how far stroke colours move to its palette")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        float r0 = (float) Math.max(2.0, c.get("brush_size") * Math.max(w, h) / 70.0);
        int layers = c.integer("layers");
        float threshold = (float) c.get("threshold");
        float curvature = (float) c.get("curvature");
        int maxSteps = c.integer("stroke_length");
        double jitter = c.get("jitter");

        try (Mat src = Painting.sourceColours(bgr, ctx, c.get("palette"));
             StrokePainter painter = new StrokePainter(2 * maxSteps + 2);
             Mat relief = new Mat(h, w, CV_32F, new org.bytedeco.opencv.opencv_core.Scalar(0.5))) {
            Mat canvas = new Mat();
            Blur.wide(src, canvas, 2 * r0);
            float[] xs = new float[2 * maxSteps + 2];
            float[] ys = new float[2 * maxSteps + 2];
            for (int layer = 0; layer < layers; layer++) {
                float radius = Math.max(2f, r0 / (1 << layer));
                try (Mat ref = new Mat()) {
                    Blur.gaussian(src, ref, Math.max(0.5, 0.5 * radius));
                    byte[] refPx = Pixels.bytes(ref);
                    byte[] canvasPx = Pixels.bytes(canvas);
                    StructureTensor tensor = StructureTensor.reduced(ref, Math.max(1.5, radius),
                            Math.max(1, Math.min(4, (int) (radius / 2))));
                    float[] areaError = layer == 0 ? null : areaError(refPx, canvasPx, w, h, radius);
                    PointSet anchors = ctx.anchors().layer(layer, radius * 1.1f, w, h);
                    int width = Math.max(1, Math.round(2 * radius));
                    for (int k : anchors.hashedOrder(ctx.seed() + layer)) {
                        int ax = (int) anchors.x[k];
                        int ay = (int) anchors.y[k];
                        int ai = ay * w + ax;
                        if (areaError != null && areaError[ai] < threshold) {
                            continue;
                        }
                        int b0 = Pixels.u(refPx[3 * ai]);
                        int g0 = Pixels.u(refPx[3 * ai + 1]);
                        int rr0 = Pixels.u(refPx[3 * ai + 2]);
                        int n = trace(anchors.x[k], anchors.y[k], b0, g0, rr0, refPx, layer == 0 ? null : canvasPx,
                                w, h, tensor, radius, curvature, maxSteps, threshold, xs, ys);
                        long id = anchors.id[k];
                        // Broken colour: each stroke's value and hue wander a little from the picture's.
                        double shade = 1 + jitter * 0.16 * Hash.signed(ctx.seed(), id, 1 + layer * 8L);
                        double b = b0 * shade + jitter * 30 * Hash.signed(ctx.seed(), id, 2 + layer * 8L);
                        double g = g0 * shade + jitter * 30 * Hash.signed(ctx.seed(), id, 3 + layer * 8L);
                        double r = rr0 * shade + jitter * 30 * Hash.signed(ctx.seed(), id, 4 + layer * 8L);
                        painter.polyline(canvas, xs, ys, n, b, g, r, width);
                        double body = 0.25 + 0.75 * Hash.unit(ctx.seed(), id, 5 + layer * 8L);
                        painter.polyline(relief, xs, ys, n, body, body, body, width);
                    }
                }
            }
            Painting.applyRelief(canvas, relief, c.get("relief") * 0.9, Math.max(1.0, r0 / 6));
            return canvas;
        }
    }

    /** Mean colour distance between canvas and reference over a (2r+1)² window, per pixel. */
    private static float[] areaError(byte[] ref, byte[] canvas, int w, int h, float radius) {
        float[] d = new float[w * h];
        for (int i = 0; i < d.length; i++) {
            int db = Pixels.u(ref[3 * i]) - Pixels.u(canvas[3 * i]);
            int dg = Pixels.u(ref[3 * i + 1]) - Pixels.u(canvas[3 * i + 1]);
            int dr = Pixels.u(ref[3 * i + 2]) - Pixels.u(canvas[3 * i + 2]);
            d[i] = (float) Math.sqrt(db * db + dg * dg + dr * dr);
        }
        int k = 2 * Math.round(radius) + 1;
        try (Mat m = Pixels.mat(d, h, w, 1); Mat s = new Mat()) {
            boxFilter(m, s, -1, new Size(k, k));
            return Pixels.floats(s);
        }
    }

    /**
     * Hertzmann's makeSplineStroke, traced both ways from the anchor: step one brush radius along the edge
     * tangent (smoothed by the curvature filter), stop at the picture border, when the colour under the stroke
     * strays from the stroke colour by more than the canvas already does (finer layers), or when it crosses a
     * strong edge.
     */
    private static int trace(float ax, float ay, int b0, int g0, int r0, byte[] ref, byte[] canvas,
                             int width, int height, StructureTensor t, float radius, float curvature, int maxSteps, float threshold,
                             float[] xs, float[] ys) {
        int w = width;
        int h = height;
        int half = maxSteps / 2;
        int back = 0;
        float[] bx = new float[maxSteps + 1];
        float[] by = new float[maxSteps + 1];
        for (int dir = -1; dir <= 1; dir += 2) {
            int steps = dir < 0 ? half : maxSteps - half;
            float x = ax;
            float y = ay;
            int i0 = t.at(ax, ay);
            float pdx = dir * t.tx[i0];
            float pdy = dir * t.ty[i0];
            int count = 0;
            for (int s = 0; s < steps; s++) {
                int i = t.at(x, y);
                float dx = t.tx[i];
                float dy = t.ty[i];
                if (dx * pdx + dy * pdy < 0) {
                    dx = -dx;
                    dy = -dy;
                }
                dx = curvature * dx + (1 - curvature) * pdx;
                dy = curvature * dy + (1 - curvature) * pdy;
                float len = (float) Math.sqrt(dx * dx + dy * dy);
                if (len < 1e-6f) {
                    break;
                }
                dx /= len;
                dy /= len;
                float nx = x + radius * dx;
                float ny = y + radius * dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                    break;
                }
                int j = (int) ny * w + (int) nx;
                float toStroke = dist(ref, j, b0, g0, r0);
                if (toStroke > (canvas == null ? 2 : 3) * threshold) {
                    break;
                }
                if (canvas != null && s > 0) {
                    float toCanvas = dist(ref, j, Pixels.u(canvas[3 * j]), Pixels.u(canvas[3 * j + 1]),
                            Pixels.u(canvas[3 * j + 2]));
                    if (toCanvas < toStroke) {
                        break;
                    }
                }
                x = nx;
                y = ny;
                pdx = dx;
                pdy = dy;
                if (dir < 0) {
                    bx[count] = x;
                    by[count] = y;
                } else {
                    xs[back + 1 + count] = x;
                    ys[back + 1 + count] = y;
                }
                count++;
            }
            if (dir < 0) {
                back = count;
                for (int k = 0; k < count; k++) {
                    xs[k] = bx[count - 1 - k];
                    ys[k] = by[count - 1 - k];
                }
                xs[back] = ax;
                ys[back] = ay;
            } else {
                return back + 1 + count;
            }
        }
        return back + 1;
    }

    private static float dist(byte[] px, int i, int b, int g, int r) {
        int db = Pixels.u(px[3 * i]) - b;
        int dg = Pixels.u(px[3 * i + 1]) - g;
        int dr = Pixels.u(px[3 * i + 2]) - r;
        return (float) Math.sqrt(db * db + dg * dg + dr * dr);
    }
}
