package dev.storycore.enhance.bench.io;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.video.MediaInfo;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSink;
import dev.storycore.enhance.video.MediaSource;
import dev.storycore.enhance.video.MediaWriter;
import dev.storycore.enhance.video.OutputOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Soak test for the video I/O's native memory: makes a synthetic clip (a gradient, a moving box and the frame
 * number, H.264 MP4), then decodes it and re-encodes every frame, sampling the process's resident memory
 * (VmRSS from /proc/self/status) as it goes. Flat memory means every Mat, AVFrame and AVPacket is released
 * as it should be; a leak of one 720p frame per frame would add 2.7 MB per frame.
 */
public final class IoMemoryBench {
    /** What to run. */
    public record Options(int width, int height, Rational rate, double minutes, int sampleEvery, Path workDir,
                          boolean keep) {
    }

    /** Resident memory at one point of the run. */
    public record Sample(long frame, long rssKb, long heapKb) {
    }

    /** The figures: memory after warm-up, the peak, at the end, and decode+encode throughput. */
    public record Result(long frames, double seconds, long startRssKb, long peakRssKb, long endRssKb,
                         List<Sample> samples) {
        public double fps() {
            return frames / seconds;
        }

        public long growthKb() {
            return endRssKb - startRssKb;
        }
    }

    private IoMemoryBench() {
    }

    public static Result run(Options o, PrintStream out) throws IOException {
        Files.createDirectories(o.workDir());
        Path source = o.workDir().resolve("io-memory-source.mp4");
        Path target = o.workDir().resolve("io-memory-output.mp4");
        long frames = Math.round(o.minutes() * 60 * o.rate().toDouble());
        try {
            out.printf(Locale.ROOT, "making a %.1f-minute %dx%d clip at %s fps (%d frames) ...%n", o.minutes(),
                    o.width(), o.height(), o.rate(), frames);
            long t0 = System.nanoTime();
            makeClip(source, o, frames);
            out.printf(Locale.ROOT, "  made %s (%.1f MB) in %.1f s%n", source.getFileName(),
                    Files.size(source) / 1e6, (System.nanoTime() - t0) / 1e9);
            out.println("decoding and re-encoding, sampling VmRSS every " + o.sampleEvery() + " frames ...");
            return reencode(source, target, o, out);
        } finally {
            if (!o.keep()) {
                Files.deleteIfExists(source);
                Files.deleteIfExists(target);
            }
        }
    }

    private static void makeClip(Path out, Options o, long frames) {
        try (Mat base = gradient(o.width(), o.height());
             MediaSink sink = MediaWriter.open(out, OutputOptions.defaults().withFrameRate(o.rate()))) {
            for (long i = 0; i < frames; i++) {
                Mat m = base.clone();
                int box = o.height() / 5;
                int x = (int) ((i * 7) % (o.width() - box));
                int y = (int) ((i * 3) % (o.height() - box));
                try (Rect r = new Rect(x, y, box, box); Scalar colour = new Scalar(40, 200, 240, 0);
                     Point at = new Point(20, 60); Scalar white = new Scalar(255, 255, 255, 0)) {
                    rectangle(m, r, colour, -1, 8, 0);
                    putText(m, "frame " + i, at, FONT_HERSHEY_SIMPLEX, 1.5, white, 3, 8, false);
                }
                try (Frame f = new Frame(m, i, Math.round(i * 1e6 * o.rate().den() / o.rate().num()))) {
                    sink.write(f);
                }
            }
            sink.finish();
        }
    }

    private static Mat gradient(int width, int height) {
        Mat m = new Mat(height, width, CV_8UC3);
        java.nio.ByteBuffer b = m.createBuffer();
        int step = (int) m.step();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * step + x * 3;
                b.put(p, (byte) (x * 255 / width));
                b.put(p + 1, (byte) (y * 255 / height));
                b.put(p + 2, (byte) ((x + y) * 127 / (width + height)));
            }
        }
        return m;
    }

    private static Result reencode(Path source, Path target, Options o, PrintStream out) {
        MediaInfo info = MediaReader.probe(source);
        List<Sample> samples = new ArrayList<>();
        long start = 0;
        long peak = 0;
        long n = 0;
        long t0 = System.nanoTime();
        try (MediaSource in = MediaReader.open(source);
             MediaSink sink = MediaWriter.open(target, OutputOptions.defaults(), info)) {
            for (Frame next; (next = in.next()) != null; n++) {
                try (Frame f = next) {
                    sink.write(f);
                }
                if (n % o.sampleEvery() == 0) {
                    Sample s = sample(n);
                    samples.add(s);
                    if (samples.size() == 2) {
                        start = s.rssKb(); // after one sampling interval of warm-up (JIT, codec buffers)
                    }
                    peak = Math.max(peak, s.rssKb());
                    if (samples.size() % 10 == 1) {
                        out.printf(Locale.ROOT, "  frame %6d  RSS %7.1f MB  heap %6.1f MB%n", n, s.rssKb() / 1024.0,
                                s.heapKb() / 1024.0);
                    }
                }
            }
            sink.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Sample end = sample(n);
        samples.add(end);
        peak = Math.max(peak, end.rssKb());
        if (start == 0) {
            start = samples.get(0).rssKb();
        }
        Result r = new Result(n, seconds, start, peak, end.rssKb(), samples);
        out.printf(Locale.ROOT, "frames %d, %.1f s, %.1f fps (decode + H.264 encode)%n", r.frames(), seconds, r.fps());
        out.printf(Locale.ROOT, "RSS after warm-up %.1f MB, peak %.1f MB, end %.1f MB, growth %+.1f MB%n",
                start / 1024.0, peak / 1024.0, end.rssKb() / 1024.0, r.growthKb() / 1024.0);
        return r;
    }

    /** The process's resident set size from /proc/self/status (Linux), and the Java heap in use. */
    static Sample sample(long frame) {
        long rss = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            rss = -1;
        }
        Runtime rt = Runtime.getRuntime();
        return new Sample(frame, rss, (rt.totalMemory() - rt.freeMemory()) / 1024);
    }
}
