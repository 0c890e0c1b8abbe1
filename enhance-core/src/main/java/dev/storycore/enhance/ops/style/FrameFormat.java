package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.errors.InvalidInputException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts any frame the engine carries (grey, BGR, BGRA; 8 or 16 bits) to the 8-bit BGR the renderers
 * work on, and a rendered picture back to the frame's own format (alpha copied from the original).
 */
final class FrameFormat {
    private FrameFormat() {
    }

    static Mat toBgr8(Mat image) {
        check(image);
        try (Mat eight = new Mat()) {
            if (image.depth() == CV_16U) {
                image.convertTo(eight, CV_8U, 1 / 257.0, 0);
            } else {
                image.copyTo(eight);
            }
            return StyleReference.toBgr(eight);
        }
    }

    /** The rendered 8-bit BGR picture in the original's channels and depth. */
    static Mat like(Mat rendered, Mat original) {
        Mat out = new Mat();
        int ch = original.channels();
        if (ch == 1) {
            cvtColor(rendered, out, COLOR_BGR2GRAY);
        } else if (ch == 4) {
            cvtColor(rendered, out, COLOR_BGR2BGRA);
        } else {
            rendered.copyTo(out);
        }
        if (original.depth() == CV_16U) {
            Mat wide = new Mat();
            out.convertTo(wide, CV_16U, 257, 0);
            out.close();
            out = wide;
        }
        if (ch == 4) {
            try (Mat alpha = new Mat()) {
                extractChannel(original, alpha, 3);
                insertChannel(alpha, out, 3);
            }
        }
        return out;
    }

    private static void check(Mat image) {
        int ch = image.channels();
        int depth = image.depth();
        if ((ch != 1 && ch != 3 && ch != 4) || (depth != CV_8U && depth != CV_16U)) {
            throw new InvalidInputException("style: unsupported picture format (" + ch + " channels, depth " + depth
                    + "); use 8- or 16-bit grey, BGR or BGRA");
        }
    }
}
