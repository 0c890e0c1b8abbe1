package dev.storycore.enhance.bench.interpolate;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.ops.upscale.Quality;
import dev.storycore.enhance.ops.interpolate.InterpolationMethod;
import dev.storycore.enhance.ops.interpolate.InterpolationPair;
import dev.storycore.enhance.ops.interpolate.InterpolationQuality;
import dev.storycore.enhance.ops.interpolate.InterpolationSettings;
import dev.storycore.enhance.ops.interpolate.Interpolator;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Keep the even frames of a clip, rebuild the odd ones, and score each method against the real odd frames
 * (mean Y-PSNR and Y-SSIM, BT.601 luma, no border shaved): frame duplication, a cross-fade, FFmpeg
 * minterpolate (mi_mode=mci) and ours at each quality level; plus seconds per interpolated frame.
 * Only odd frames that every method rebuilt are scored (minterpolate stops one pair short of the end).
 */
public final class InterpolationBenchmark {
    static final String DUPLICATE = "duplicate";
    static final String BLEND = "blend";
    static final String MINTERPOLATE = "minterpolate mci";

    /**
     * @param video    the clip
     * @param frames   how many of its first frames to use (at least 3)
     * @param levels   our quality levels to run
     * @param peer     whether to run minterpolate
     * @param save     a folder to write the rebuilt frame of the fastest-moving pair for every method, or null
     * @param log      progress lines
     */
    public InterpolationReport run(Path video, int frames, List<InterpolationQuality> levels, boolean peer, Path save,
                                   Consumer<String> log) throws IOException, InterruptedException {
        return run(video, frames, levels, peer, save, null, null, 1, log);
    }

    /**
     * As above; with {@code orderCheck} set, also measures which order of interpolation and super-resolution
     * (at that upscale quality) serves a combined run better (see {@link UpscaleOrderCheck}).
     */
    public InterpolationReport run(Path video, int frames, List<InterpolationQuality> levels, boolean peer, Path save,
                                   Quality orderCheck, ModelLoader models, int repeats, Consumer<String> log)
            throws IOException, InterruptedException {
        if (repeats < 1) {
            throw new InvalidInputException("repeats must be at least 1, got " + repeats);
        }
        Rational rate;
        List<Mat> clip = new ArrayList<>();
        try (MediaSource source = MediaReader.open(video)) {
            rate = source.info().frameRate();
            while (clip.size() < frames) {
                try (Frame f = source.next()) {
                    if (f == null) {
                        break;
                    }
                    clip.add(bgr(f.image()));
                }
            }
        }
        try {
            if (clip.size() < 3) {
                throw new InvalidInputException(video + " has " + clip.size() + " frames; the benchmark needs at least 3");
            }
            List<Mat> kept = new ArrayList<>();
            for (int i = 0; i < clip.size(); i += 2) {
                kept.add(clip.get(i));
            }
            int pairs = kept.size() - 1;
            List<InterpolationReport.Row> rows = new ArrayList<>();
            List<String> why = new ArrayList<>();
            MinterpolatePeer.Result mi = null;
            List<Double> miReal = new ArrayList<>();
            List<Double> miCpu = new ArrayList<>();
            String peerNote = "not run";
            int scored = pairs;
            if (peer) {
                MinterpolatePeer p = MinterpolatePeer.find(why);
                if (p == null) {
                    peerNote = String.join("; ", why);
                } else {
                    peerNote = p.note();
                    log.accept("running minterpolate (" + p.note() + ") on " + kept.size() + " kept frames ...");
                    Path work = Files.createTempDirectory("storycore-interp-bench");
                    try {
                        Rational keptRate = rate.isZero() ? Rational.of(1, 1) : Rational.of(rate.num(), rate.den() * 2);
                        mi = p.run(kept, keptRate, work);
                        // More timed runs; the reported time is the median run.
                        for (int r = 1; r < repeats; r++) {
                            MinterpolatePeer.Result again = p.run(kept, keptRate, work);
                            again.frames().forEach(Mat::close);
                            miReal.add(again.realSeconds());
                            miCpu.add(again.cpuSeconds());
                        }
                    } finally {
                        Files.deleteIfExists(work);
                    }
                    miReal.add(0, mi.realSeconds());
                    miCpu.add(0, mi.cpuSeconds());
                    scored = Math.min(pairs, (mi.frames().size() - 1) / 2);
                }
            }
            int[] fastest = {mostChanged(kept, scored)};
            rows.add(score(DUPLICATE, clip, scored, j -> kept.get(j).clone(), null, save, fastest));
            rows.add(score(BLEND, clip, scored, j -> {
                Mat m = new Mat();
                opencv_core.addWeighted(kept.get(j), 0.5, kept.get(j + 1), 0.5, 0, m);
                return m;
            }, null, save, fastest));
            if (mi != null) {
                List<Mat> out = mi.frames();
                InterpolationReport.Row r = score(MINTERPOLATE, clip, scored, j -> out.get(2 * j + 1).clone(), null,
                        save, fastest);
                int made = out.size() / 2;
                rows.add(new InterpolationReport.Row(r.method(), r.psnrY(), r.ssimY(), median(miReal) / made,
                        median(miCpu) / made, "ffmpeg rtime " + fmt(mi.filter().realSeconds()) + " s − "
                        + fmt(mi.duplicate().realSeconds()) + " s" + (repeats > 1 ? ", median of " + repeats : "")));
                out.forEach(Mat::close);
            }
            for (InterpolationQuality q : levels) {
                log.accept("running ours at " + q.name().toLowerCase(Locale.ROOT) + " ...");
                rows.add(ours(q, clip, kept, scored, save, fastest, repeats));
            }
            String order = null;
            if (orderCheck != null) {
                log.accept("checking the order of interpolation and super-resolution ...");
                order = UpscaleOrderCheck.run(clip, scored, orderCheck, models).table();
            }
            return new InterpolationReport(video.toString(), clip.get(0).cols(), clip.get(0).rows(), clip.size(), scored,
                    Runtime.getRuntime().availableProcessors(), peerNote, rows, order);
        } finally {
            clip.forEach(Mat::close);
        }
    }

    private interface Rebuild {
        Mat make(int pair);
    }

    /** Scores the first pass; times every pass (median seconds per frame of each, then the median of those). */
    private InterpolationReport.Row ours(InterpolationQuality q, List<Mat> clip, List<Mat> kept, int scored, Path save,
                                         int[] fastest, int repeats) {
        Map<InterpolationMethod, Integer> methods = new EnumMap<>(InterpolationMethod.class);
        List<Double> passMedians = new ArrayList<>();
        List<Double> passCpu = new ArrayList<>();
        List<Mat> results = new ArrayList<>();
        try (Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults().withQuality(q))) {
            // Warm-up (JIT, OpenCV buffers), not timed.
            try (InterpolationPair warm = interpolator.prepare(kept.get(0), kept.get(1)); Mat m = warm.at(0.5)) {
                m.cols();
            }
            for (int pass = 0; pass < repeats; pass++) {
                double[] seconds = new double[scored];
                long cpu0 = processCpu();
                for (int j = 0; j < scored; j++) {
                    long t0 = System.nanoTime();
                    try (InterpolationPair pair = interpolator.prepare(kept.get(j), kept.get(j + 1));
                         Mat m = pair.at(0.5)) {
                        seconds[j] = (System.nanoTime() - t0) / 1e9;
                        if (pass == 0) {
                            results.add(m.clone());
                            methods.merge(pair.analysis().method(), 1, Integer::sum);
                        }
                    }
                }
                passCpu.add((processCpu() - cpu0) / 1e9 / scored);
                passMedians.add(median(seconds));
            }
            InterpolationReport.Row r = score("ours " + q.name().toLowerCase(Locale.ROOT), clip, scored,
                    j -> results.get(j).clone(), methods, save, fastest);
            return new InterpolationReport.Row(r.method(), r.psnrY(), r.ssimY(), median(passMedians), median(passCpu),
                    r.methods());
        } finally {
            results.forEach(Mat::close);
        }
    }

    private static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static InterpolationReport.Row score(String name, List<Mat> clip, int scored, Rebuild rebuild,
                                                 Map<InterpolationMethod, Integer> methods, Path save, int[] fastest) {
        double psnr = 0;
        double ssim = 0;
        for (int j = 0; j < scored; j++) {
            try (Mat m = rebuild.make(j)) {
                ImageQuality.Score s = ImageQuality.scoreY(clip.get(2 * j + 1), m, 0);
                psnr += s.psnr();
                ssim += s.ssim();
                if (save != null && j == fastest[0]) {
                    write(save, name, j, m, clip.get(2 * j + 1));
                }
            }
        }
        String how = methods == null ? "" : methods.entrySet().stream()
                .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", "));
        return new InterpolationReport.Row(name, psnr / scored, ssim / scored, 0, 0, how);
    }

    /** The pair whose frames differ most (mean absolute difference): the one to look at. */
    private static int mostChanged(List<Mat> kept, int pairs) {
        int best = 0;
        double most = -1;
        for (int j = 0; j < pairs; j++) {
            try (Mat d = new Mat()) {
                opencv_core.absdiff(kept.get(j), kept.get(j + 1), d);
                double change = opencv_core.sumElems(d).get(0);
                if (change > most) {
                    most = change;
                    best = j;
                }
            }
        }
        return best;
    }

    private static void write(Path dir, String name, int pair, Mat rebuilt, Mat truth) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        String base = "frame" + (2 * pair + 1) + "-";
        opencv_imgcodecs.imwrite(dir.resolve(base + name.replace(' ', '-') + ".png").toString(), rebuilt);
        opencv_imgcodecs.imwrite(dir.resolve(base + "real.png").toString(), truth);
    }

    private static Mat bgr(Mat image) {
        Mat out = new Mat();
        if (image.channels() == 3 && image.depth() == opencv_core.CV_8U) {
            image.copyTo(out);
        } else {
            Mat eight = new Mat();
            image.convertTo(eight, opencv_core.CV_8U, image.depth() == opencv_core.CV_16U ? 1.0 / 257 : 1.0, 0);
            int code = eight.channels() == 1 ? org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR
                    : org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(eight, out, code);
            eight.close();
        }
        return out;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
