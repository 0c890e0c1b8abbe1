package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The views of one picture that the measures share, computed once: the 8-bit BGR picture and its
 * grey version at full resolution (for measures that need every pixel: noise, blur, blocking,
 * ringing), and a small copy (for global statistics: colour, tone, saturation).
 */
final class AnalysisImages implements AutoCloseable {
    /** Long side of the small copy; global statistics are stable at this size and cost little. */
    static final int SMALL_LONG_SIDE = 512;

    final Mat bgr;
    final Mat grey;
    final Mat smallBgr;
    final Mat smallGrey;
    private Mat gradient;
    private long[] gradientHistogram;

    private AnalysisImages(Mat bgr) {
        this.bgr = bgr;
        this.grey = new Mat();
        cvtColor(bgr, grey, COLOR_BGR2GRAY);
        int longSide = Math.max(bgr.cols(), bgr.rows());
        if (longSide > SMALL_LONG_SIDE) {
            double f = (double) SMALL_LONG_SIDE / longSide;
            smallBgr = new Mat();
            resize(bgr, smallBgr, new org.bytedeco.opencv.opencv_core.Size(
                    Math.max(1, (int) Math.round(bgr.cols() * f)), Math.max(1, (int) Math.round(bgr.rows() * f))),
                    0, 0, INTER_AREA);
            smallGrey = new Mat();
            cvtColor(smallBgr, smallGrey, COLOR_BGR2GRAY);
        } else {
            smallBgr = bgr.clone();
            smallGrey = grey.clone();
        }
    }

    /** Takes any frame picture (grey, BGR, BGRA; 8 or 16 bits) and builds the views; the input is not kept. */
    static AnalysisImages of(Mat image) {
        return new AnalysisImages(toBgr8(image));
    }

    /** A new 8-bit, 3-channel BGR copy of a picture in any of the frame formats. */
    static Mat toBgr8(Mat image) {
        if (image == null || image.empty()) {
            throw new InvalidInputException("quality analysis: the picture is empty; pass a decoded, non-empty frame");
        }
        if (image.cols() < 16 || image.rows() < 16) {
            throw new InvalidInputException("quality analysis: picture " + image.cols() + "x" + image.rows()
                    + " is too small; the measures need at least 16x16 pixels");
        }
        Mat eight = new Mat();
        if (image.depth() == CV_8U) {
            image.copyTo(eight);
        } else if (image.depth() == opencv_core.CV_16U) {
            image.convertTo(eight, CV_8U, 1.0 / 257.0, 0);
        } else {
            eight.close();
            throw new InvalidInputException("quality analysis: unsupported pixel depth " + image.depth()
                    + "; decode to 8 or 16 bits per channel");
        }
        Mat bgr = new Mat();
        switch (eight.channels()) {
            case 3 -> {
                return eight;
            }
            case 1 -> cvtColor(eight, bgr, COLOR_GRAY2BGR);
            case 4 -> cvtColor(eight, bgr, COLOR_BGRA2BGR);
            default -> {
                eight.close();
                bgr.close();
                throw new InvalidInputException("quality analysis: " + image.channels()
                        + " channels are not supported; use grey, BGR or BGRA");
            }
        }
        eight.close();
        return bgr;
    }

    /**
     * Sobel gradient magnitude |Gx| + |Gy| of the grey picture, divided by 4 and saturated to 8 bits
     * (so values up to 1020 keep their order), computed on first use.
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

    long[] gradientHistogram() {
        if (gradientHistogram == null) {
            gradientHistogram = PixelStats.histogram(gradient());
        }
        return gradientHistogram;
    }

    @Override
    public void close() {
        if (gradient != null) {
            gradient.close();
        }
        bgr.close();
        grey.close();
        smallBgr.close();
        smallGrey.close();
    }
}
