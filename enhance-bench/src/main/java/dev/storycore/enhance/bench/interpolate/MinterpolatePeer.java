package dev.storycore.enhance.bench.interpolate;

import dev.storycore.enhance.frame.Rational;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * FFmpeg's {@code minterpolate} (motion-compensated interpolation, {@code mi_mode=mci}) run as a peer through
 * the ffmpeg program inside the bytedeco jar (LGPL build, which has the filter), or Debian's on the PATH.
 * The kept frames go in as raw BGR at half the rate; the filter doubles the rate, so the odd outputs are
 * the rebuilt frames. Its time: the {@code -benchmark} real time of the run minus that of the same run
 * with {@code fps} (frame duplication) in its place, so reading and writing raw video is not counted.
 */
final class MinterpolatePeer {
    static final String FILTER = "minterpolate=fps=%s:mi_mode=mci";
    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    private final String program;
    private final String note;

    private MinterpolatePeer(String program, String note) {
        this.program = program;
        this.note = note;
    }

    /** The peer, or null with the reason added to {@code why}. */
    static MinterpolatePeer find(List<String> why) {
        List<String> candidates = new ArrayList<>();
        try {
            candidates.add(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        } catch (Throwable t) {
            why.add("bytedeco ffmpeg program not loadable: " + t.getMessage());
        }
        candidates.add("ffmpeg");
        for (String p : candidates) {
            if (hasMinterpolate(p)) {
                return new MinterpolatePeer(p, p.equals("ffmpeg") ? "Debian ffmpeg on the PATH"
                        : "bytedeco ffmpeg 8.0.1 (LGPL build)");
            }
        }
        why.add("no ffmpeg program with the minterpolate filter");
        return null;
    }

    String note() {
        return note;
    }

    /**
     * @param kept   the kept (even) frames, BGR 8-bit, in order
     * @param rate   their rate; the output is twice it
     * @return output frames (index k of the doubled stream) and timing
     */
    Result run(List<Mat> kept, Rational keptRate, Path work) throws IOException, InterruptedException {
        String rate = keptRate.toString();
        int w = kept.get(0).cols();
        int h = kept.get(0).rows();
        Path in = work.resolve("kept.bgr");
        Path out = work.resolve("minterpolate.bgr");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(in), 1 << 20)) {
            byte[] buf = new byte[w * h * 3];
            for (Mat m : kept) {
                ((ByteBuffer) m.createBuffer()).get(buf);
                os.write(buf);
            }
        }
        String doubled = Rational.of(keptRate.num() * 2, keptRate.den()).toString();
        Timing with = exec(in, out, w, h, rate, String.format(FILTER, doubled));
        List<Mat> frames = readFrames(out, w, h);
        Files.deleteIfExists(out);
        Timing without = exec(in, out, w, h, rate, "fps=" + doubled);
        Files.deleteIfExists(out);
        Files.deleteIfExists(in);
        return new Result(frames, with, without);
    }

    /** Seconds from ffmpeg's own -benchmark report. */
    record Timing(double userSeconds, double systemSeconds, double realSeconds) {
        double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }

    record Result(List<Mat> frames, Timing filter, Timing duplicate) {
        /** Filter wall seconds beyond plain duplication. */
        double realSeconds() {
            return Math.max(0, filter.realSeconds() - duplicate.realSeconds());
        }

        double cpuSeconds() {
            return Math.max(0, filter.cpuSeconds() - duplicate.cpuSeconds());
        }
    }

    private Timing exec(Path in, Path out, int w, int h, String rate, String vf) throws IOException, InterruptedException {
        List<String> cmd = List.of(program, "-hide_banner", "-nostdin", "-benchmark", "-y", "-f", "rawvideo",
                "-pix_fmt", "bgr24", "-s", w + "x" + h, "-r", rate, "-i", in.toString(), "-vf", vf,
                "-f", "rawvideo", "-pix_fmt", "bgr24", out.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n" + log);
        }
        Matcher m = BENCH.matcher(log);
        if (!m.find()) {
            throw new IOException("ffmpeg printed no -benchmark line:\n" + log);
        }
        return new Timing(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)));
    }

    private static List<Mat> readFrames(Path file, int w, int h) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int size = w * h * 3;
        List<Mat> frames = new ArrayList<>();
        for (int k = 0; k + 1 <= all.length / size; k++) {
            Mat m = new Mat(h, w, opencv_core.CV_8UC3);
            ((ByteBuffer) m.createBuffer()).put(all, k * size, size);
            frames.add(m);
        }
        return frames;
    }

    private static boolean hasMinterpolate(String program) {
        try {
            Process p = new ProcessBuilder(program, "-hide_banner", "-filters").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return p.exitValue() == 0 && out.lines().anyMatch(l -> l.contains(" minterpolate "));
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            return false;
        }
    }
}
