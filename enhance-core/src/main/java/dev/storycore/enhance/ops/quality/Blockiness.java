package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import java.nio.IntBuffer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Blocking from block-transform coding (JPEG, MPEG-2/4, H.264 at low rates). Following Wang, Bovik
 * and Evans ("Blind measurement of blocking artifacts in images", ICIP 2000), blocking shows up as
 * an 8-pixel periodicity of the absolute neighbour-difference signal. We measure the periodicity in
 * the spatial domain: the mean |x(j+1) - x(j)| is collected separately for each of the 8 phases j mod 8;
 * the blockiness ratio is the largest phase mean over the mean of the other seven. It is about 1.0
 * for pictures without blocking and grows with it (JPEG quality 20: about 1.5-2). Differences are
 * clipped at 24 levels (larger steps are edges, not blocking) and 1 level is added to every phase
 * mean, so that a few strong edges on the grid or a flat picture do not read as blocking. Taking the largest
 * phase finds the grid even when the picture was cropped off the 8-pixel grid. The ratio is computed
 * for columns and rows; the reported value is their mean.
 */
final class Blockiness {
    static final int BLOCK = 8;
    /** Neighbour differences are clipped here (8-bit levels). */
    static final int EDGE_CLIP = 24;
    /** Added to the phase means so that a nearly flat picture (differences near 0) reads as unblocked. */
    static final double FLOOR = 1.0;

    /** @param ratio mean of the two axes; @param horizontal across vertical block edges; @param vertical across horizontal ones */
    record Result(double ratio, double horizontal, double vertical) {
    }

    private Blockiness() {
    }

    static Result measure(AnalysisImages images) {
        double[][] horizontal = new double[2][BLOCK];
        double[][] vertical = new double[2][BLOCK];
        for (AnalysisImages.Band band : images.bands) {
            accumulate(band.grey, false, horizontal);
            accumulate(band.grey, true, vertical);
        }
        double h = ratio(horizontal);
        double v = ratio(vertical);
        return new Result((h + v) / 2, h, v);
    }

    /** Largest phase mean over the mean of the other phases; 1 when there is too little to judge. */
    private static double ratio(double[][] phases) {
        double total = 0;
        double best = 0;
        for (int p = 0; p < BLOCK; p++) {
            if (phases[1][p] < 2) {
                return 1.0;
            }
            double mean = phases[0][p] / phases[1][p];
            total += mean;
            best = Math.max(best, mean);
        }
        double others = (total - best) / (BLOCK - 1);
        return (best + FLOOR) / (others + FLOOR);
    }

    /** Adds the band's per-phase sums of |x(j+1) - x(j)| (row 0) and their counts (row 1). Bands start on the grid. */
    private static void accumulate(Mat grey8, boolean vertical, double[][] phases) {
        int w = grey8.cols();
        int hgt = grey8.rows();
        if ((vertical ? hgt : w) < 2 * BLOCK) {
            return;
        }
        try (Rect ra = vertical ? new Rect(0, 1, w, hgt - 1) : new Rect(1, 0, w - 1, hgt);
             Rect rb = vertical ? new Rect(0, 0, w, hgt - 1) : new Rect(0, 0, w - 1, hgt);
             Mat a = new Mat(grey8, ra); Mat b = new Mat(grey8, rb);
             Mat diff = new Mat(); Mat sums = new Mat()) {
            absdiff(a, b, diff);
            // steps above EDGE_CLIP are real edges, not blocking: one strong edge on the grid must not dominate
            threshold(diff, diff, EDGE_CLIP, 0, THRESH_TRUNC);
            // vertical: sum each row of differences into one column; horizontal: each column into one row
            reduce(diff, sums, vertical ? 1 : 0, REDUCE_SUM, CV_32S);
            int n = (int) sums.total();
            int[] s = new int[n];
            IntBuffer buf = new IntPointer(sums.data()).capacity(n).asBuffer();
            buf.get(s);
            int lines = vertical ? w : hgt;
            for (int j = 0; j < n; j++) {
                phases[0][j % BLOCK] += s[j];
                phases[1][j % BLOCK] += lines;
            }
        }
    }
}
