package dev.storycore.enhance.ops.interpolate;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small picture conversions shared by the interpolators. */
final class Pictures {
    private Pictures() {
    }

    static void checkPair(Mat a, Mat b) {
        if (a == null || b == null || a.empty() || b.empty()) {
            throw new InvalidInputException("interpolation: an input picture is empty; pass two decoded frames");
        }
        if (a.cols() != b.cols() || a.rows() != b.rows() || a.type() != b.type()) {
            throw new InvalidInputException("interpolation: the two frames differ (" + describe(a) + " vs "
                    + describe(b) + "); both must have one size and pixel format");
        }
        if (a.depth() != CV_8U && a.depth() != CV_16U) {
            throw new InvalidInputException("interpolation: pixel depth " + a.depth()
                    + " is not supported; convert frames to 8 or 16 bits per channel");
        }
        if (a.channels() != 1 && a.channels() != 3 && a.channels() != 4) {
            throw new InvalidInputException("interpolation: " + a.channels()
                    + " channels are not supported; use grey, BGR or BGRA frames");
        }
    }

    static String describe(Mat m) {
        return m.cols() + "x" + m.rows() + "x" + m.channels() + (m.depth() == CV_16U ? " 16-bit" : " 8-bit");
    }

    /** Grey, 8-bit, resized (area averaging) to width x height. */
    static Mat greyAt(Mat image, int width, int height) {
        Mat eight = image;
        if (image.depth() == CV_16U) {
            eight = new Mat();
            image.convertTo(eight, CV_8U, 1.0 / 257, 0);
        }
        Mat grey = new Mat();
        switch (eight.channels()) {
            case 3 -> opencv_imgproc.cvtColor(eight, grey, opencv_imgproc.COLOR_BGR2GRAY);
            case 4 -> opencv_imgproc.cvtColor(eight, grey, opencv_imgproc.COLOR_BGRA2GRAY);
            default -> eight.copyTo(grey);
        }
        if (eight != image) {
            eight.close();
        }
        if (grey.cols() == width && grey.rows() == height) {
            return grey;
        }
        Mat small = new Mat();
        try (grey) {
            opencv_imgproc.resize(grey, small, new Size(width, height), 0, 0, opencv_imgproc.INTER_AREA);
        }
        return small;
    }

    static byte[] bytes(Mat m) {
        byte[] out = new byte[(int) m.total() * m.channels()];
        ((ByteBuffer) m.createBuffer()).get(out);
        return out;
    }

    static Mat floatMat(float[] values, int width, int height, int type) {
        Mat m = new Mat(height, width, type);
        ((FloatBuffer) m.createBuffer()).put(values);
        return m;
    }

    static float[] floats(Mat m) {
        float[] out = new float[(int) m.total() * m.channels()];
        ((FloatBuffer) m.createBuffer()).get(out);
        return out;
    }

    /** Weighted per-pixel average of two pictures with one-channel CV_32F weights; keeps the input type. */
    static Mat blend(Mat a, Mat b, Mat weightA, Mat weightB) {
        Mat out = new Mat();
        if (a.depth() == CV_8U) {
            opencv_imgproc.blendLinear(a, b, weightA, weightB, out);
            return out;
        }
        try (Mat fa = new Mat(); Mat fb = new Mat(); Mat fo = new Mat()) {
            a.convertTo(fa, CV_32F);
            b.convertTo(fb, CV_32F);
            opencv_imgproc.blendLinear(fa, fb, weightA, weightB, fo);
            fo.convertTo(out, a.depth());
        }
        return out;
    }
}
