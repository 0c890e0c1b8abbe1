package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.integer;
import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_core.KMEANS_PP_CENTERS;
import static org.bytedeco.opencv.global.opencv_core.kmeans;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.medianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.pyrMeanShiftFiltering;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Colour-field abstraction: mean-shift filtering (Comaniciu and Meer, "Mean shift: a robust approach toward
 * feature space analysis", IEEE TPAMI 24(5), 2002; OpenCV pyrMeanShiftFiltering) merges the picture into
 * regions of like colour, k-means reduces them to a few bold colours, a large median filter on the region
 * map rounds the shapes into simple forms, and the colours are pushed apart in lightness and saturation.
 * Work happens at a fixed small resolution (shapes are large), and region borders are smoothed on the way
 * back up.
 */
final class AbstractStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.ABSTRACT,
            "a few bold colours in large simplified shapes",
            "mean-shift segmentation, k-means colour reduction, median shape simplification",
            "D. Comaniciu, P. Meer, \"Mean Shift: A Robust Approach Toward Feature Space Analysis\", IEEE TPAMI 2002",
            List.of(
                    integer("colors", 2, 16, 6, "number of colours"),
                    number("simplify", 0, 1, 0.5, "how strongly shapes are rounded and merged"),
                    number("vividness", 0, 2, 1.5, "saturation of the colours"),
                    number("outline", 0, 1, 0.4, "darkness of the lines between shapes")));

    private static final int WORK_EDGE = 360;

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        double f = Math.min(1.0, WORK_EDGE / (double) Math.max(w, h));
        int ww = Math.max(1, (int) Math.round(w * f));
        int wh = Math.max(1, (int) Math.round(h * f));
        int k = c.integer("colors");
        double simplify = c.get("simplify");
        try (Mat src = Painting.sourceColours(bgr, ctx, 0); Mat small = new Mat(); Mat shifted = new Mat()) {
            resize(src, small, new Size(ww, wh), 0, 0, INTER_AREA);
            pyrMeanShiftFiltering(small, shifted, 6 + 8 * simplify, 30 + 20 * simplify, 1,
                    new TermCriteria(TermCriteria.MAX_ITER + TermCriteria.EPS, 5, 1));
            float[] centres;
            byte[] labels;
            try (Mat lab = StyleReference.toLab(shifted)) {
                float[] px = Pixels.floats(lab);
                centres = palette(lab, k, ctx.seed());
                int n = ww * wh;
                labels = new byte[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = (byte) nearest(centres, px[3 * i], px[3 * i + 1], px[3 * i + 2]);
                }
            }
            int ksize = Math.max(3, (int) Math.round((3 + 10 * simplify) * WORK_EDGE / 360.0)) | 1;
            try (Mat lm = Pixels.mat(labels, wh, ww, 1); Mat simple = new Mat()) {
                medianBlur(lm, simple, ksize);
                labels = Pixels.bytes(simple);
            }
            float[] vivid = vivid(centres, (float) c.get("vividness"));
            float[] smallLab = new float[ww * wh * 3];
            for (int i = 0; i < ww * wh; i++) {
                System.arraycopy(vivid, 3 * labels[i], smallLab, 3 * i, 3);
            }
            Mat out;
            try (Mat sm = StyleReference.fromLab(smallLab, wh, ww); Mat big = new Mat()) {
                resize(sm, big, new Size(w, h), 0, 0, INTER_LINEAR);
                // Re-snap the smoothly upscaled colours to the palette: crisp shapes with round borders.
                out = snap(big, vivid, (float) c.get("outline"));
            }
            return out;
        }
    }

    private static float[] palette(Mat lab, int k, long seed) {
        int n = lab.rows() * lab.cols();
        try (Mat samples = lab.reshape(1, n).clone(); Mat lbl = new Mat(); Mat centres = new Mat()) {
            setRNGSeed((int) seed);
            kmeans(samples, Math.min(k, n), lbl, new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 20, 0.5), 2,
                    KMEANS_PP_CENTERS, centres);
            return Pixels.floats(centres);
        }
    }

    /** Spreads the palette: lightness stretched from its middle, chroma multiplied. */
    private static float[] vivid(float[] centres, float sat) {
        float[] v = centres.clone();
        float mean = 0;
        int k = v.length / 3;
        for (int i = 0; i < k; i++) {
            mean += v[3 * i] / k;
        }
        for (int i = 0; i < k; i++) {
            v[3 * i] = Math.max(4, Math.min(97, mean + (v[3 * i] - mean) * 1.3f));
            v[3 * i + 1] *= sat;
            v[3 * i + 2] *= sat;
        }
        return v;
    }

    private static int nearest(float[] centres, float l, float a, float b) {
        int best = 0;
        float bd = Float.MAX_VALUE;
        for (int j = 0; j < centres.length / 3; j++) {
            float dl = l - centres[3 * j];
            float da = a - centres[3 * j + 1];
            float db = b - centres[3 * j + 2];
            float d = dl * dl + da * da + db * db;
            if (d < bd) {
                bd = d;
                best = j;
            }
        }
        return best;
    }

    private static Mat snap(Mat bgrBig, float[] paletteLab, float outline) {
        int w = bgrBig.cols();
        int h = bgrBig.rows();
        try (Mat lab = StyleReference.toLab(bgrBig)) {
            float[] px = Pixels.floats(lab);
            int[] lbl = new int[w * h];
            for (int i = 0; i < w * h; i++) {
                lbl[i] = nearest(paletteLab, px[3 * i], px[3 * i + 1], px[3 * i + 2]);
                System.arraycopy(paletteLab, 3 * lbl[i], px, 3 * i, 3);
            }
            if (outline > 0) {
                int r = Math.max(1, Math.round(Math.max(w, h) / 500f));
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int i = y * w + x;
                        int l = lbl[i];
                        boolean edge = false;
                        for (int d = 1; d <= r && !edge; d++) {
                            edge = (x + d < w && lbl[i + d] != l) || (y + d < h && lbl[i + d * w] != l);
                        }
                        if (edge) {
                            px[3 * i] *= 1 - 0.8f * outline;
                        }
                    }
                }
            }
            return StyleReference.fromLab(px, h, w);
        }
    }

}
