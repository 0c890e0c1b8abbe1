package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;

/** Pictures for the quality tests: a synthetic scene (always available) and colour BSD68 photographs (when shared/data is there). */
final class QualityPictures {
    static final Path CBSD68 = sharedData().resolve("denoise/CBSD68");

    private QualityPictures() {
    }

    /**
     * A clean, well-exposed synthetic scene: smooth colour gradients, flat shapes with anti-aliased
     * edges and a band of fine sine texture; no noise.
     */
    static Mat scene(int width, int height) {
        Mat m = new Mat(height, width, CV_8UC3);
        byte[] px = new byte[width * height * 3];
        double[] texture = texture(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double tex = y > height * 0.7 ? texture[y * width + x] : 0;
                int i = (y * width + x) * 3;
                // slopes chosen so that the 8-bit quantisation steps do not repeat with a period of 8 or 16 pixels
                px[i] = clip(60 + 121.7 * v + tex);
                px[i + 1] = clip(70 + 113.3 * (1 - Math.abs(u - 0.5)) + tex);
                px[i + 2] = clip(50 + 147.9 * u + tex);
            }
        }
        new BytePointer(m.data()).put(px);
        try (Scalar red = new Scalar(40, 40, 220, 0); Scalar white = new Scalar(235, 235, 235, 0);
             Scalar dark = new Scalar(25, 30, 35, 0); Scalar green = new Scalar(60, 170, 70, 0)) {
            // shape edges off the 8-pixel grid, as in a photograph (on-grid edges would read as blocking)
            circle(m, new Point(width / 4 + 3, height / 3 + 3), height / 6, red, -1, LINE_AA, 0);
            rectangle(m, new Point(width / 2 + 3, height / 8 + 5), new Point(width * 3 / 4 + 5, height / 2 + 3), white,
                    -1, LINE_AA, 0);
            rectangle(m, new Point(width * 3 / 5 + 3, height / 4 + 3), new Point(width * 7 / 10 + 5, height * 2 / 5 + 5),
                    dark, -1, LINE_AA, 0);
            circle(m, new Point(width * 7 / 8 + 3, height / 2 + 3), height / 8, green, -1, LINE_AA, 0);
        }
        return m;
    }

    /** A colour BSD68 photograph, or the test is skipped with a message when the data folder is absent. */
    static Mat photo(String name) {
        Path file = CBSD68.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "skipped: " + file.toAbsolutePath() + " is absent (the shared benchmark data is not checked out)");
        return imread(file.toString());
    }

    /** Seeded random texture, 5x5 box-smoothed, about +-25 levels: detail without any periodicity. */
    private static double[] texture(int width, int height) {
        java.util.Random random = new java.util.Random(42);
        double[] raw = new double[width * height];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = random.nextGaussian() * 100;
        }
        double[] out = new double[raw.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double sum = 0;
                int n = 0;
                for (int dy = -2; dy <= 2; dy++) {
                    for (int dx = -2; dx <= 2; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < height && xx >= 0 && xx < width) {
                            sum += raw[yy * width + xx];
                            n++;
                        }
                    }
                }
                out[y * width + x] = sum / n;
            }
        }
        return out;
    }

    /** shared/data beside the repository: searched upward from the working directory (module or repo root). */
    static Path sharedData() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../shared/data");
    }

    private static byte clip(double v) {
        return (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
}
