package dev.storycore.enhance.video;

import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/** Synthetic pictures and clips for the I/O tests: smooth gradients plus a moving square, deterministic. */
final class TestMedia {
    private TestMedia() {
    }

    /** A BGR (3), BGRA (4) or grey (1) 8-bit picture that changes with {@code n}. */
    static Mat picture(int width, int height, int channels, int n) {
        Mat m = new Mat(height, width, CV_8UC(channels));
        ByteBuffer buf = m.createBuffer();
        int step = (int) m.step();
        int sx = (n * 7) % Math.max(1, width - width / 4);
        int sy = (n * 3) % Math.max(1, height - height / 4);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean square = x >= sx && x < sx + width / 4 && y >= sy && y < sy + height / 4;
                int b = square ? 230 : (x * 255 / width);
                int g = square ? 40 : (y * 255 / height);
                int r = square ? 60 : ((x + y + n * 4) * 255 / (width + height + 400)) & 0xff;
                int a = (x * 4 + y) & 0xff;
                int o = y * step + x * channels;
                if (channels == 1) {
                    buf.put(o, (byte) ((b + g + r) / 3));
                } else {
                    buf.put(o, (byte) b);
                    buf.put(o + 1, (byte) g);
                    buf.put(o + 2, (byte) r);
                    if (channels == 4) {
                        buf.put(o + 3, (byte) a);
                    }
                }
            }
        }
        return m;
    }

    /** A 16-bit BGR picture using the full 0..65535 range (so 8-bit truncation would show). */
    static Mat picture16(int width, int height) {
        Mat m = new Mat(height, width, CV_16UC3);
        ShortBuffer buf = m.createBuffer();
        int step = (int) (m.step() / 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int o = y * step + x * 3;
                buf.put(o, (short) (x * 65535 / width));
                buf.put(o + 1, (short) (y * 65535 / height));
                buf.put(o + 2, (short) ((x * 251 + y * 13) & 0xffff));
            }
        }
        return m;
    }

    /** Timestamp of frame {@code i} at {@code rate}, rounded to microseconds as FFmpeg's av_rescale_q does. */
    static long micros(long i, Rational rate) {
        return Math.round(i * 1_000_000.0 * rate.den() / rate.num());
    }

    /** Writes {@code count} synthetic BGR frames at {@code rate} into {@code out}; returns nothing, finishes. */
    static void writeClip(Path out, OutputOptions options, int width, int height, int count, Rational rate) {
        try (MediaSink sink = MediaWriter.open(out, options.withFrameRate(rate))) {
            for (int i = 0; i < count; i++) {
                try (Frame f = new Frame(picture(width, height, 3, i), i, micros(i, rate))) {
                    sink.write(f);
                }
            }
            sink.finish();
        }
    }

    static double psnr(Mat a, Mat b) {
        return org.bytedeco.opencv.global.opencv_core.PSNR(a, b);
    }

    static boolean identical(Mat a, Mat b) {
        if (a.rows() != b.rows() || a.cols() != b.cols() || a.type() != b.type()) {
            return false;
        }
        try (Mat diff = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.absdiff(a, b, diff);
            try (Mat flat = diff.reshape(1)) {
                return org.bytedeco.opencv.global.opencv_core.countNonZero(flat) == 0;
            }
        }
    }

    static Mat bgr(int width, int height) {
        return new Mat(height, width, CV_8UC3);
    }
}
