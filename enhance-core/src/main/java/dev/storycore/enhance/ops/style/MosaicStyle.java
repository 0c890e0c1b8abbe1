package dev.storycore.enhance.ops.style;

import static dev.storycore.enhance.ops.style.ParamSpec.number;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_L2;
import static org.bytedeco.opencv.global.opencv_imgproc.DIST_MASK_3;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.distanceTransform;
import static org.bytedeco.opencv.global.opencv_ximgproc.SLICO;
import static org.bytedeco.opencv.global.opencv_ximgproc.createSuperpixelSLIC;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_ximgproc.SuperpixelSLIC;

/**
 * Stained glass: SLIC superpixels (Achanta et al., "SLIC superpixels compared to state-of-the-art superpixel
 * methods", IEEE TPAMI 34(11), 2012; OpenCV ximgproc) become glass pieces filled with their mean colour,
 * made more vivid, lit from behind (brighter towards each piece's middle, with a faint seedy-glass
 * texture), and set in dark lead came along the superpixel borders (after Mould, "A stained glass image
 * filter", EGRW 2003).
 */
final class MosaicStyle implements StyleRenderer {
    static final StyleSpec SPEC = new StyleSpec(Style.MOSAIC,
            "stained glass: superpixel glass pieces in dark lead came",
            "SLIC superpixels filled with their mean colour, back-lit shading, lead lines on the borders",
            "R. Achanta et al., \"SLIC Superpixels Compared to State-of-the-Art Superpixel Methods\", IEEE TPAMI 2012;"
                    + " D. Mould, \"A Stained Glass Image Filter\", EGRW 2003",
            List.of(
                    number("tile_size", 0.3, 4, 1, "size of the glass pieces (1 = 1/32 of the longer side)"),
                    number("regularity", 0, 1, 0.5, "how regular the pieces are (SLIC compactness)"),
                    number("lead_width", 0, 4, 1, "width of the lead lines"),
                    number("saturation", 0, 2, 1.35, "colour of the glass")));

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        Controls c = ctx.controls();
        int w = bgr.cols();
        int h = bgr.rows();
        int tile = (int) Math.max(6, Math.round(c.get("tile_size") * Math.max(w, h) / 32.0));
        int[] labels;
        int count;
        try (Mat src = Painting.sourceColours(bgr, ctx, 0); Mat soft = Blur.gaussian(src, Math.max(0.8, tile / 12.0));
             Mat lab = new Mat()) {
            cvtColor(soft, lab, COLOR_BGR2Lab);
            try (SuperpixelSLIC slic = createSuperpixelSLIC(lab, SLICO, tile, (float) (5 + 35 * c.get("regularity")));
                 Mat lm = new Mat()) {
                slic.iterate(6);
                slic.enforceLabelConnectivity(25);
                slic.getLabels(lm);
                labels = Pixels.ints(lm);
                count = slic.getNumberOfSuperpixels();
            }
            byte[] px = Pixels.bytes(src);
            for (int l : labels) {
                count = Math.max(count, l + 1);
            }
            double[] sum = new double[count * 3];
            int[] n = new int[count];
            for (int i = 0; i < labels.length; i++) {
                int l = labels[i];
                n[l]++;
                for (int k = 0; k < 3; k++) {
                    sum[3 * l + k] += Pixels.u(px[3 * i + k]);
                }
            }
            byte[] glass = new byte[w * h * 3];
            for (int i = 0; i < labels.length; i++) {
                int l = labels[i];
                for (int k = 0; k < 3; k++) {
                    glass[3 * i + k] = Pixels.clampByte(sum[3 * l + k] / Math.max(1, n[l]));
                }
            }
            Mat out = Pixels.mat(glass, h, w, 3);
            Tone.saturate(out, c.get("saturation"));
            shade(out, labels, w, h, tile, c.get("lead_width"), ctx.seed());
            return out;
        }
    }

    /** Back-lit glass shading and lead came, from the distance of each pixel to its piece's border. */
    private static void shade(Mat glass, int[] labels, int w, int h, int tile, double leadWidth, long seed) {
        byte[] border = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int l = labels[i];
                boolean edge = (x + 1 < w && labels[i + 1] != l) || (y + 1 < h && labels[i + w] != l);
                border[i] = (byte) (edge ? 0 : 255);
            }
        }
        float[] dist;
        try (Mat b = Pixels.mat(border, h, w, 1); Mat d = new Mat()) {
            distanceTransform(b, d, DIST_L2, DIST_MASK_3);
            dist = Pixels.floats(d);
        }
        float[] seedy = Noise.fractal(w, h, Math.max(2f, tile / 5f), 2, seed ^ 0x61a55L);
        byte[] px = Pixels.bytes(glass);
        float lead = (float) (leadWidth * Math.max(1.0, tile / 14.0));
        float glow = tile / 2.5f;
        for (int i = 0; i < w * h; i++) {
            float d = dist[i];
            float light = 0.78f + 0.3f * Math.min(1f, d / glow) + 0.12f * (seedy[i] - 0.5f);
            float came = lead <= 0 ? 0 : Pixels.clamp01(lead + 0.5f - d);
            // Lead is dark grey with a faint highlight along its middle.
            float leadTone = 22 + 28 * Pixels.clamp01(1 - Math.abs(d - lead * 0.4f) / Math.max(0.5f, lead * 0.5f));
            for (int k = 0; k < 3; k++) {
                float v = Pixels.u(px[3 * i + k]) * light;
                px[3 * i + k] = Pixels.clampByte(v * (1 - came) + leadTone * came);
            }
        }
        try (Mat m = Pixels.mat(px, h, w, 3)) {
            m.copyTo(glass);
        }
    }
}
