package dev.storycore.enhance.bench.sr;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import dev.storycore.enhance.ops.upscale.UpscaleReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Peak memory of super-resolving one large picture (the target: 3840x2160 x2 with esrgan-slim
 * under 3 GB resident). Peak resident memory is the kernel's high-water mark for this process
 * (VmHWM in /proc/self/status): JVM, native OpenCV pictures and ONNX Runtime's arena together.
 */
public final class SrMemoryBenchmark {

    /**
     * @param baselineRssBytes resident memory after the input picture was made, before the operation
     * @param peakRssBytes     the process's resident high-water mark after the run (-1 when unknown)
     * @param heapUsedBytes    Java heap in use after the run
     */
    public record Result(String input, String output, String method, double seconds, long baselineRssBytes,
                         long peakRssBytes, long heapUsedBytes) {
        public String text() {
            return String.format(Locale.ROOT, "input %s -> output %s with %s%ntime %.1f s%n"
                            + "resident memory: before %s, peak %s (VmHWM); Java heap in use after %s",
                    input, output, method, seconds, mib(baselineRssBytes), mib(peakRssBytes), mib(heapUsedBytes));
        }

        private static String mib(long bytes) {
            return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
        }
    }

    private SrMemoryBenchmark() {
    }

    /** A photo-like stand-in picture: seeded noise blurred at two scales (content does not change a CNN's cost). */
    public static Mat syntheticPicture(int width, int height) {
        setRNGSeed(2160);
        Mat m = new Mat(height, width, CV_8UC3);
        try (Mat lo = new Mat(1, 1, CV_64F, new Scalar(0)); Mat hi = new Mat(1, 1, CV_64F, new Scalar(255));
             Size none = new Size(0, 0)) {
            randu(m, lo, hi);
            GaussianBlur(m, m, none, 1.5);
        }
        return m;
    }

    /** Upscales {@code picture} once with {@code config}; the input stays the caller's. */
    public static Result run(Mat picture, UpscaleConfig config, ModelLoader loader) {
        long baseline = residentBytes("VmRSS");
        long t0 = System.nanoTime();
        try (SuperResolution sr = SuperResolution.create(config, loader);
             Frame in = Frame.of(new Mat(picture)); Frame out = sr.apply(in)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            UpscaleReport report = sr.lastReport().orElseThrow();
            Runtime rt = Runtime.getRuntime();
            return new Result(report.input().toString(), out.width() + "x" + out.height(), report.describe(), seconds,
                    baseline, residentBytes("VmHWM"), rt.totalMemory() - rt.freeMemory());
        }
    }

    /** A field of /proc/self/status in bytes, or -1 off Linux. */
    static long residentBytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
