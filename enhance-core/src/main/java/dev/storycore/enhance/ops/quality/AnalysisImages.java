package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The views of one picture that the measures share, computed once:
 * <ul>
 *   <li>full-resolution bands (grey and BGR) for the measures that need every pixel of a region
 *       (noise, blur, blocking, ringing). A picture up to {@value #FULL_RES_BUDGET} pixels is one band;
 *       a larger one is sampled as evenly spaced, full-width bands of {@value #BAND_ROWS} rows that
 *       start on the 8-pixel grid, about {@value #FULL_RES_BUDGET} pixels in all. These measures
 *       are sums of local terms, so a stratified sample estimates them without bias;</li>
 *   <li>a small copy (long side at most {@value #SMALL_LONG_SIDE}, an integer downscale by area
 *       averaging) for global statistics: colour, tone,
 *       saturation.</li>
 * </ul>
 */
final class AnalysisImages implements AutoCloseable {
    static final int SMALL_LONG_SIDE = 512;
    static final int FULL_RES_BUDGET = 320_000;
    static final int BAND_ROWS = 32;

    /** One full-resolution sample band. */
    static final class Band implements AutoCloseable {
        final Mat bgr;
        final Mat grey;
        private Mat gradient;

        private Band(Mat bgr) {
            this.bgr = bgr;
            this.grey = new Mat();
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
        }

        /**
         * Sobel gradient magnitude |Gx| + |Gy| of the grey band, divided by 4 and saturated to 8
         * bits (values up to 1020 keep their order), computed on first use.
         */
        Mat gradient() {
            if (gradient == null) {
                try (Mat gx = new Mat(); Mat gy = new Mat(); Mat ax = new Mat(); Mat ay = new Mat()) {
                    opencv_imgproc.Sobel(grey, gx, opencv_core.CV_16S, 1, 0);
                    opencv_imgproc.Sobel(grey, gy, opencv_core.CV_16S, 0, 1);
                    opencv_core.convertScaleAbs(gx, ax, 0.25, 0);
                    opencv_core.convertScaleAbs(gy, ay, 0.25, 0);
                    gradient = new Mat();
                    opencv_core.add(ax, ay, gradient);
                }
            }
            return gradient;
        }

        @Override
        public void close() {
            if (gradient != null) {
                gradient.close();
            }
            grey.close();
            bgr.close();
        }
    }

    private final Mat full;
    final List<Band> bands;
    final Mat smallBgr;
    final Mat smallGrey;
    private long[] gradientHistogram;
    private Mat fullGrey;

    private AnalysisImages(Mat bgr8) {
        this.full = bgr8;
        this.bands = sampleBands(bgr8);
        smallBgr = new Mat();
        int factor = (Math.max(bgr8.cols(), bgr8.rows()) + SMALL_LONG_SIDE - 1) / SMALL_LONG_SIDE;
        if (factor > 1) {
            // an integer factor on a crop to a multiple of it takes OpenCV's fast area-averaging path
            int w = bgr8.cols() / factor;
            int h = Math.max(1, bgr8.rows() / factor);
            try (Rect crop = new Rect(0, 0, w * factor, h * factor); Mat cropped = new Mat(bgr8, crop)) {
                resize(cropped, smallBgr, new org.bytedeco.opencv.opencv_core.Size(w, h), 0, 0, INTER_AREA);
            }
        } else {
            bgr8.copyTo(smallBgr);
        }
        smallGrey = new Mat();
        cvtColor(smallBgr, smallGrey, COLOR_BGR2GRAY);
    }

    /** Takes any frame picture (grey, BGR, BGRA; 8 or 16 bits) and builds the views; the input is not kept. */
    static AnalysisImages of(Mat image) {
        return new AnalysisImages(toBgr8(image));
    }

    int width() {
        return full.cols();
    }

    int height() {
        return full.rows();
    }

    /** Linear size of the small copy relative to the full picture (1 when no downscaling happened). */
    double smallScale() {
        return (double) smallBgr.cols() / full.cols();
    }

    /** Histogram of {@link Band#gradient()} over all bands. */
    long[] gradientHistogram() {
        if (gradientHistogram == null) {
            long[] h = new long[256];
            for (Band b : bands) {
                long[] hb = PixelStats.histogram(b.gradient());
                for (int i = 0; i < 256; i++) {
                    h[i] += hb[i];
                }
            }
            gradientHistogram = h;
        }
        return gradientHistogram;
    }

    private static List<Band> sampleBands(Mat bgr) {
        List<Band> out = new ArrayList<>();
        int w = bgr.cols();
        int h = bgr.rows();
        if ((long) w * h <= FULL_RES_BUDGET || h < 4 * BAND_ROWS) {
            out.add(new Band(new Mat(bgr, new Rect(0, 0, w, h))));
            return out;
        }
        int n = (int) Math.max(1, Math.min(h / BAND_ROWS, Math.ceil((double) FULL_RES_BUDGET / ((long) w * BAND_ROWS))));
        double step = (double) (h - BAND_ROWS) / Math.max(1, n - 1);
        for (int i = 0; i < n; i++) {
            int y = (int) Math.round(i * step) / 8 * 8;
            y = Math.min(y, h - BAND_ROWS);
            out.add(new Band(new Mat(bgr, new Rect(0, y, w, BAND_ROWS))));
        }
        return out;
    }

    /** Full-resolution grey picture (for full-reference measures), computed on first use. */
    Mat fullGrey() {
        if (fullGrey == null) {
            fullGrey = new Mat();
            cvtColor(full, fullGrey, COLOR_BGR2GRAY);
        }
        return fullGrey;
    }

    /**
     * The picture as 8-bit, 3-channel BGR in a Mat the caller closes: a new header on the same pixels
     * when it already is 8-bit BGR (the caller must not write to it), a converted copy otherwise.
     */
    static Mat toBgr8(Mat image) {
        if (image == null || image.empty()) {
            throw new InvalidInputException("quality analysis: the picture is empty; pass a decoded, non-empty frame");
        }
        if (image.cols() < 16 || image.rows() < 16) {
            throw new InvalidInputException("quality analysis: picture " + image.cols() + "x" + image.rows()
                    + " is too small; the measures need at least 16x16 pixels");
        }
        if (image.depth() != CV_8U && image.depth() != opencv_core.CV_16U) {
            throw new InvalidInputException("quality analysis: unsupported pixel depth " + image.depth()
                    + "; decode to 8 or 16 bits per channel");
        }
        int code = switch (image.channels()) {
            case 1 -> COLOR_GRAY2BGR;
            case 3 -> -1;
            case 4 -> COLOR_BGRA2BGR;
            default -> throw new InvalidInputException("quality analysis: " + image.channels()
                    + " channels are not supported; use grey, BGR or BGRA");
        };
        Mat eight;
        if (image.depth() == CV_8U) {
            if (code < 0) {
                // a second header on the caller's pixels: nothing is copied, and closing it frees only the header
                return new Mat(image, new Rect(0, 0, image.cols(), image.rows()));
            }
            eight = image;
        } else {
            eight = new Mat();
            image.convertTo(eight, CV_8U, 1.0 / 257.0, 0);
        }
        if (code < 0) {
            return eight;
        }
        Mat bgr = new Mat();
        cvtColor(eight, bgr, code);
        if (eight != image) {
            eight.close();
        }
        return bgr;
    }

    @Override
    public void close() {
        for (Band b : bands) {
            b.close();
        }
        if (fullGrey != null) {
            fullGrey.close();
        }
        full.close();
        smallBgr.close();
        smallGrey.close();
    }
}
