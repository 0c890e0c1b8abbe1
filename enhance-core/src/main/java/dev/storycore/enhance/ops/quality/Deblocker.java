package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Compression artefact removal in two steps:
 * <ol>
 *   <li>a deblocking filter across the 8x8 grid on luma, in the manner of the H.264 in-loop filter
 *       (List et al., "Adaptive deblocking filter", IEEE TCSVT 13(7), 2003): across each block edge,
 *       when the step between the two boundary pixels is below {@code alpha} and both sides are
 *       smooth (neighbour differences below {@code beta}), the step is treated as an artefact and
 *       spread over the four pixels p1 p0 | q0 q1; a larger step is a real edge and left alone;</li>
 *   <li>non-local means with a low strength ({@code h}) on luma and half-resolution chroma
 *       ({@link NlMeansDenoiser}), which removes the mosquito noise and ringing inside blocks.</li>
 * </ol>
 */
final class Deblocker implements Correction {
    private final NlMeansDenoiser nlMeans = new NlMeansDenoiser();

    @Override
    public CorrectionType type() {
        return CorrectionType.DEBLOCK;
    }

    /** Parameters for a measured blockiness ratio. */
    static Map<String, Double> parametersFor(double blockiness) {
        double excess = Math.max(0, Math.min(1.5, blockiness - 1));
        return Map.of("alpha", 8 + 16 * excess, "beta", 3 + 4 * excess, "h", 4 + 3 * excess);
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        int alpha = (int) Math.round(Correction.param(p, "alpha", 16));
        int beta = (int) Math.round(Correction.param(p, "beta", 5));
        double h = Correction.param(p, "h", 6);
        try (Mat ycc = new Mat(); MatVector planes = new MatVector(); Mat merged = new Mat()) {
            cvtColor(bgr8, ycc, COLOR_BGR2YCrCb);
            split(ycc, planes);
            try (Mat y0 = planes.get(0); Mat y = y0.clone(); Mat cr = planes.get(1); Mat cb = planes.get(2);
                 MatVector all = new MatVector(y, cr, cb)) {
                filterGrid(y, alpha, beta);
                merge(all, merged);
            }
            try (Mat deblocked = new Mat()) {
                cvtColor(merged, deblocked, COLOR_YCrCb2BGR);
                return nlMeans.apply(deblocked, Map.of("h_luma", h, "h_chroma", h));
            }
        }
    }

    /** Filters every vertical, then every horizontal 8-pixel block edge of a continuous 8-bit plane in place. */
    static void filterGrid(Mat plane, int alpha, int beta) {
        int w = plane.cols();
        int h = plane.rows();
        byte[] px = new byte[w * h];
        BytePointer data = plane.data();
        data.get(px);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 8; x + 1 < w; x += 8) {
                filterEdge(px, row + x - 2, 1, alpha, beta);
            }
        }
        for (int y = 8; y + 1 < h; y += 8) {
            for (int x = 0; x < w; x++) {
                filterEdge(px, (y - 2) * w + x, w, alpha, beta);
            }
        }
        data.put(px);
    }

    /** p1 = px[i], p0 = px[i + s], q0 = px[i + 2s], q1 = px[i + 3s]. */
    private static void filterEdge(byte[] px, int i, int s, int alpha, int beta) {
        int p1 = px[i] & 0xff;
        int p0 = px[i + s] & 0xff;
        int q0 = px[i + 2 * s] & 0xff;
        int q1 = px[i + 3 * s] & 0xff;
        int step = q0 - p0;
        if (step == 0 || Math.abs(step) >= alpha || Math.abs(p1 - p0) >= beta || Math.abs(q1 - q0) >= beta) {
            return;
        }
        // a linear ramp over p1 p0 q0 q1 that keeps the local mean: p0/q0 move by 3/8 of the step, p1/q1 by 1/8
        int d0 = (3 * step + 4) >> 3;
        int d1 = (step + 4) >> 3;
        px[i] = clip(p1 + d1);
        px[i + s] = clip(p0 + d0);
        px[i + 2 * s] = clip(q0 - d0);
        px[i + 3 * s] = clip(q1 - d1);
    }

    private static byte clip(int v) {
        return (byte) Math.max(0, Math.min(255, v));
    }
}
