package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Bulk copies between OpenCV matrices and Java arrays, for the per-pixel work OpenCV has no function for. */
final class Pixels {
    private Pixels() {
    }

    static byte[] bytes(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            byte[] out = new byte[(int) (c.total() * c.channels())];
            new BytePointer(c.data()).get(out);
            return out;
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }

    static float[] floats(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            float[] out = new float[(int) (c.total() * c.channels())];
            new FloatPointer(c.data()).get(out);
            return out;
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }

    static int[] ints(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            int[] out = new int[(int) (c.total() * c.channels())];
            new IntPointer(c.data()).get(out);
            return out;
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }

    static Mat mat(byte[] data, int rows, int cols, int channels) {
        Mat m = new Mat(rows, cols, CV_8UC(channels));
        new BytePointer(m.data()).put(data, 0, rows * cols * channels);
        return m;
    }

    static Mat mat(float[] data, int rows, int cols, int channels) {
        Mat m = new Mat(rows, cols, CV_32FC(channels));
        new FloatPointer(m.data()).put(data, 0, rows * cols * channels);
        return m;
    }

    static int u(byte b) {
        return b & 0xff;
    }

    static byte clampByte(double v) {
        return (byte) (v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5));
    }

    static float clamp01(float v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
