package dev.storycore.enhance.train.sr;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.model.FloatTensor;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/** Conversions between 8-bit BGR Mats and [1, 3, H, W] RGB tensors in [0, 1]. */
final class TensorPictures {
    private TensorPictures() {
    }

    static FloatTensor toTensor(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        byte[] pixels = new byte[w * h * 3];
        bgr.data().get(pixels);
        int plane = w * h;
        float[] data = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            data[i] = (pixels[3 * i + 2] & 0xFF) / 255f;
            data[plane + i] = (pixels[3 * i + 1] & 0xFF) / 255f;
            data[2 * plane + i] = (pixels[3 * i] & 0xFF) / 255f;
        }
        return new FloatTensor(data, new long[] {1, 3, h, w});
    }

    /** Rounds to 8 bits (clamped), as a picture saved by the product would be. */
    static Mat toBgr(FloatTensor rgb) {
        int h = rgb.dim(2);
        int w = rgb.dim(3);
        int plane = w * h;
        float[] d = rgb.data();
        byte[] pixels = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            pixels[3 * i] = toByte(d[2 * plane + i]);
            pixels[3 * i + 1] = toByte(d[plane + i]);
            pixels[3 * i + 2] = toByte(d[i]);
        }
        Mat mat = new Mat(h, w, CV_8UC3);
        try (BytePointer p = mat.data()) {
            p.put(pixels);
        }
        return mat;
    }

    private static byte toByte(float v) {
        return (byte) Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
