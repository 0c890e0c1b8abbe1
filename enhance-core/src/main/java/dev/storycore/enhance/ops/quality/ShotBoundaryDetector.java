package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.HISTCMP_BHATTACHARYYA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.calcHist;
import static org.bytedeco.opencv.global.opencv_imgproc.compareHist;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Hard-cut detection between consecutive frames by colour-histogram distance, the classic shot
 * boundary test (Zhang, Kankanhalli and Smoliar, "Automatic partitioning of full-motion video",
 * Multimedia Systems 1(1), 1993): a 16 x 8 hue-saturation histogram of a 160-pixel-wide thumbnail,
 * compared by Bhattacharyya distance; a distance above {@value #CUT_DISTANCE} is a cut. Motion inside
 * a shot moves pixels but hardly changes the histogram, so it does not trigger. Keeps one
 * histogram between calls; not thread-safe.
 */
final class ShotBoundaryDetector implements AutoCloseable {
    static final double CUT_DISTANCE = 0.45;
    private Mat previous;

    /** Whether {@code frame} starts a new shot (the first frame always does). */
    boolean isCut(Mat bgr8) {
        Mat hist = histogram(bgr8);
        if (previous == null) {
            previous = hist;
            return true;
        }
        double d = compareHist(previous, hist, HISTCMP_BHATTACHARYYA);
        previous.close();
        previous = hist;
        return d > CUT_DISTANCE;
    }

    private static Mat histogram(Mat bgr8) {
        int w = 160;
        int h = Math.max(1, bgr8.rows() * w / Math.max(1, bgr8.cols()));
        try (Mat small = new Mat(); Mat hsv = new Mat(); Size size = new Size(w, h);
             MatVector images = new MatVector(1); IntPointer channels = new IntPointer(0, 1);
             IntPointer bins = new IntPointer(16, 8); FloatPointer ranges = new FloatPointer(0f, 180f, 0f, 256f);
             Mat noMask = new Mat()) {
            resize(bgr8, small, size, 0, 0, INTER_AREA);
            cvtColor(small, hsv, COLOR_BGR2HSV);
            images.put(0, hsv);
            Mat hist = new Mat();
            calcHist(images, channels, noMask, hist, bins, ranges, false);
            org.bytedeco.opencv.global.opencv_core.normalize(hist, hist, 1, 0,
                    org.bytedeco.opencv.global.opencv_core.NORM_L1, -1, noMask);
            return hist;
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            previous.close();
            previous = null;
        }
    }
}
