package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.LUT;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Controlled, reproducible damage to a clean 8-bit BGR picture, for evaluating the analyser and the
 * corrections against the clean original (the quality benchmark and the tests). Random parts use
 * {@link java.util.Random} with the given seed, so a run is the same on every machine.
 */
public enum Degradation {
    /** Additive white Gaussian noise, sigma 15, independent per channel, rounded and clipped to 8 bits. */
    GAUSSIAN_NOISE_15("noise-15", "Gaussian noise sigma=15"),
    /** Additive white Gaussian noise, sigma 25. */
    GAUSSIAN_NOISE_25("noise-25", "Gaussian noise sigma=25"),
    /** JPEG at quality 20 (OpenCV/libjpeg, 4:2:0 chroma). */
    JPEG_20("jpeg-20", "JPEG quality 20"),
    /** Gaussian blur, sigma 1.5. */
    BLUR_1_5("blur-1.5", "Gaussian blur sigma=1.5"),
    /** A warm cast: red x1.12, blue x0.80 (a white balance set about 1500 K too warm). */
    COLOUR_CAST("cast", "warm colour cast (R x1.12, B x0.80)"),
    /** Contrast halved around mid-grey: 128 + 0.5 (x - 128). */
    LOW_CONTRAST("low-contrast", "contrast halved around mid-grey"),
    /** 1.5 stops under-exposed: linear light x 2^-1.5 through the sRGB curve. */
    UNDER_EXPOSURE("under-exposure", "under-exposed by 1.5 stops");

    private final String id;
    private final String description;

    Degradation(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** A new degraded copy of an 8-bit BGR picture; {@code seed} fixes the noise. */
    public Mat apply(Mat cleanBgr, long seed) {
        return switch (this) {
            case GAUSSIAN_NOISE_15 -> addNoise(cleanBgr, 15, seed);
            case GAUSSIAN_NOISE_25 -> addNoise(cleanBgr, 25, seed);
            case JPEG_20 -> jpeg(cleanBgr, 20);
            case BLUR_1_5 -> blur(cleanBgr, 1.5);
            case COLOUR_CAST -> perChannel(cleanBgr, x -> x * 0.80, x -> x, x -> x * 1.12);
            case LOW_CONTRAST -> perChannel(cleanBgr, Degradation::halfContrast, Degradation::halfContrast,
                    Degradation::halfContrast);
            case UNDER_EXPOSURE -> perChannel(cleanBgr, Degradation::underExpose, Degradation::underExpose,
                    Degradation::underExpose);
        };
    }

    public static Degradation byId(String id) {
        for (Degradation d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown degradation '" + id + "'");
    }

    private static double halfContrast(double x) {
        return 128 + 0.5 * (x - 128);
    }

    private static double underExpose(double x) {
        return 255 * SrgbCurve.encode(SrgbCurve.decode(x / 255) * Math.pow(2, -1.5));
    }

    static Mat addNoise(Mat bgr, double sigma, long seed) {
        Mat out = bgr.clone();
        int n = (int) (out.total() * out.channels());
        byte[] px = new byte[n];
        BytePointer data = out.data();
        data.get(px);
        Random random = new Random(seed);
        for (int i = 0; i < n; i++) {
            long v = Math.round((px[i] & 0xff) + sigma * random.nextGaussian());
            px[i] = (byte) Math.max(0, Math.min(255, v));
        }
        data.put(px);
        return out;
    }

    private static Mat jpeg(Mat bgr, int quality) {
        try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            imencode(".jpg", bgr, buf, params);
            try (Mat encoded = new Mat(1, (int) buf.limit(), CV_8U, buf)) {
                return imdecode(encoded, IMREAD_UNCHANGED);
            }
        }
    }

    private static Mat blur(Mat bgr, double sigma) {
        Mat out = new Mat();
        GaussianBlur(bgr, out, new Size(0, 0), sigma);
        return out;
    }

    private static Mat perChannel(Mat bgr, java.util.function.DoubleUnaryOperator b,
                                  java.util.function.DoubleUnaryOperator g, java.util.function.DoubleUnaryOperator r) {
        try (Mat lut = new Mat(1, 256, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            byte[] table = new byte[256 * 3];
            for (int v = 0; v < 256; v++) {
                table[3 * v] = clip(b.applyAsDouble(v));
                table[3 * v + 1] = clip(g.applyAsDouble(v));
                table[3 * v + 2] = clip(r.applyAsDouble(v));
            }
            lut.data().put(table);
            Mat out = new Mat();
            LUT(bgr, lut, out);
            return out;
        }
    }

    private static byte clip(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
