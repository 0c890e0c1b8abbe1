package dev.storycore.enhance.bench.quality;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * An FFmpeg denoising filter run as a peer through the ffmpeg program: the one inside the bytedeco
 * ffmpeg jar (an LGPL build) when it has the filter, otherwise Debian's {@code ffmpeg} on the PATH
 * (GPL filters such as hqdn3d are only there). Pixels go through {@code format=gbrp}, so RGB is
 * filtered without chroma subsampling. Speed: the filter is run on the picture looped
 * {@value #REPEATS} times into the null muxer, minus the same run without the filter, so process start,
 * PNG decoding and conversion are not counted against it.
 */
final class FfmpegDenoisePeer {
    static final int REPEATS = 5;

    private final String name;
    private final String filter;
    private final String program;
    private final String programNote;

    private FfmpegDenoisePeer(String name, String filter, String program, String programNote) {
        this.name = name;
        this.filter = filter;
        this.program = program;
        this.programNote = programNote;
    }

    /** The peer, or null with {@code why} filled when no ffmpeg program has the filter. */
    static FfmpegDenoisePeer find(String name, String filterName, String filterArgs, List<String> why) {
        List<String> candidates = new ArrayList<>();
        try {
            candidates.add(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        } catch (Throwable t) {
            why.add("bytedeco ffmpeg program not loadable: " + t.getMessage());
        }
        candidates.add("ffmpeg");
        for (String p : candidates) {
            if (hasFilter(p, filterName)) {
                String note = p.equals("ffmpeg") ? "Debian ffmpeg on the PATH (" + version(p) + ")"
                        : "bytedeco ffmpeg (LGPL build, " + version(p) + ")";
                return new FfmpegDenoisePeer(name, filterName + (filterArgs.isEmpty() ? "" : "=" + filterArgs), p, note);
            }
        }
        why.add("no ffmpeg program with the '" + filterName + "' filter (the bytedeco build is LGPL; "
                + "install Debian's: apt-get install -y ffmpeg)");
        return null;
    }

    String name() {
        return name;
    }

    String filter() {
        return filter;
    }

    String programNote() {
        return programNote;
    }

    /** Denoises one picture; returns the result and the filter's own seconds. */
    Result run(Mat noisyBgr, Path work) throws IOException, InterruptedException {
        Path in = work.resolve("peer-in.png");
        Path out = work.resolve("peer-out.png");
        imwrite(in.toString(), noisyBgr);
        exec(List.of(program, "-v", "error", "-y", "-i", in.toString(), "-vf", "format=gbrp," + filter,
                "-pix_fmt", "bgr24", out.toString()));
        double with = Double.MAX_VALUE;
        double without = Double.MAX_VALUE;
        for (int r = 0; r < 2; r++) {
            without = Math.min(without, timed(in, "format=gbrp"));
            with = Math.min(with, timed(in, "format=gbrp," + filter));
        }
        Mat result = imread(out.toString());
        return new Result(result, Math.max(0, with - without) / REPEATS);
    }

    record Result(Mat image, double seconds) {
    }

    private double timed(Path in, String vf) throws IOException, InterruptedException {
        long t = System.nanoTime();
        exec(List.of(program, "-v", "error", "-y", "-loop", "1", "-i", in.toString(), "-frames:v",
                String.valueOf(REPEATS), "-vf", vf, "-f", "null", "-"));
        return (System.nanoTime() - t) / 1e9;
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("ffmpeg failed: " + String.join(" ", cmd) + "\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static boolean hasFilter(String program, String filter) {
        try {
            Process p = new ProcessBuilder(program, "-hide_banner", "-filters").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return p.exitValue() == 0 && out.lines().anyMatch(l -> l.trim().split("\\s+").length > 1
                    && l.trim().split("\\s+")[1].equals(filter));
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            return false;
        }
    }

    private static String version(String program) {
        try {
            Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true).start();
            String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("");
            p.waitFor(30, TimeUnit.SECONDS);
            String[] words = first.split("\\s+");
            return words.length > 2 ? "ffmpeg " + words[2] : first;
        } catch (IOException | InterruptedException e) {
            return "unknown version";
        }
    }

    static Path workDir() throws IOException {
        return Files.createTempDirectory("storycore-quality-bench");
    }
}
