package dev.storycore.enhance.cli;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.motion.DenseFlow;
import dev.storycore.enhance.ops.motion.FlowPreset;
import dev.storycore.enhance.ops.motion.FlowSettings;
import dev.storycore.enhance.ops.style.Style;
import dev.storycore.enhance.ops.style.StyleMetrics;
import dev.storycore.enhance.ops.style.StyleParams;
import dev.storycore.enhance.ops.style.StyleStream;
import dev.storycore.enhance.ops.style.Styles;
import dev.storycore.enhance.ops.style.TemporalSettings;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storycore bench style}: for every style, the temporal warping error (Lai et al. 2018) of per-frame
 * rendering and of flow-guided temporal consistency on the same frames, the structure preservation of both,
 * and the seconds per 1280x720 frame.
 */
@Command(name = "style",
        mixinStandardHelpOptions = true,
        header = "Temporal warping error, structure preservation and speed of every style.",
        description = {
            "Warping error: mean over frames of Σ M·|O_t − warp(O_t−1)|² / Σ M, warp and occlusion mask M from DIS",
            "optical flow (FAST preset, full resolution) of the ORIGINAL frames; colours 0..1. Structure: SSIM of",
            "Sobel gradient-magnitude maps of original and stylized frames. Speed: median seconds per 1280x720 frame",
            "(frames resized to 1280x720), per-frame rendering and with temporal consistency, as wall time and as",
            "process CPU time (all threads), which is steadier on a shared machine.",
            ""
        },
        footer = ExitCodes.FOOTER,
        sortOptions = false)
final class BenchStyleCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--video", paramLabel = "FILE", required = true, description = "Input video, e.g. ../shared/data/video/vtest.avi.")
    Path video;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "12", description = "Frames to use (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--speed-frames", paramLabel = "N", defaultValue = "3",
            description = "1280x720 frames timed per style (default: ${DEFAULT-VALUE}).")
    int speedFrames;

    @Option(names = "--styles", paramLabel = "LIST", split = ",", description = "Only these styles (default: all ten).")
    List<String> only;

    @Override
    public Integer call() {
        if (frames < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--frames must be at least 3");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Mat> clip = read();
        List<Style> styles = only == null ? Arrays.asList(Style.values()) : only.stream().map(Style::parse).toList();
        out.printf(Locale.ROOT, "%d frames of %s (%dx%d); machine: %d cores%n", clip.size(), video.getFileName(),
                clip.get(0).cols(), clip.get(0).rows(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-14s %12s %12s %8s %10s %10s %8s %10s %10s %10s %10s%n", "style", "warp err pf",
                "warp err tc", "tc/pf", "struct pf", "struct tc", "drop", "s/720p pf", "s/720p tc", "cpu-s pf",
                "cpu-s tc");
        out.flush();
        try (DenseFlow judge = DenseFlow.create(FlowSettings.of(FlowPreset.FAST))) {
            for (Style s : styles) {
                Row perFrame = measure(s, TemporalSettings.off(), clip, judge);
                Row consistent = measure(s, TemporalSettings.defaults(), clip, judge);
                double[] speed = speed(s);
                out.printf(Locale.ROOT, "%-14s %12.5f %12.5f %8.3f %10.4f %10.4f %7.1f%% %10.3f %10.3f %10.3f %10.3f%n",
                        s.id(), perFrame.warp, consistent.warp, consistent.warp / perFrame.warp, perFrame.structure,
                        consistent.structure, 100 * (1 - consistent.structure / perFrame.structure), speed[0], speed[1],
                        speed[2], speed[3]);
                out.flush();
            }
        } finally {
            clip.forEach(Mat::close);
        }
        return ExitCodes.OK;
    }

    private record Row(double warp, double structure) {
    }

    private static Row measure(Style style, TemporalSettings settings, List<Mat> clip, DenseFlow judge) {
        List<Mat> styled = new ArrayList<>();
        try (StyleStream op = Styles.temporal(style, StyleParams.defaults(), null, settings)) {
            for (Mat m : clip) {
                try (Frame in = Frame.of(m.clone()); Frame o = op.push(in).get(0)) {
                    styled.add(o.image().clone());
                }
            }
            double warp = 0;
            double structure = 0;
            for (int t = 0; t < clip.size(); t++) {
                structure += StyleMetrics.structurePreservation(clip.get(t), styled.get(t));
                if (t > 0) {
                    warp += StyleMetrics.warpingError(clip.get(t - 1), clip.get(t), styled.get(t - 1), styled.get(t), judge);
                }
            }
            return new Row(warp / (clip.size() - 1), structure / clip.size());
        } finally {
            styled.forEach(Mat::close);
        }
    }

    /** Median seconds per 1280x720 frame: per-frame rendering, and the temporally consistent stream. */
    private double[] speed(Style style) {
        List<Mat> hd = new ArrayList<>();
        try {
            for (int i = 0; i < speedFrames + 1; i++) {
                Mat r = new Mat();
                opencv_imgproc.resize(clipFrame(i), r, new Size(1280, 720), 0, 0, opencv_imgproc.INTER_CUBIC);
                hd.add(r);
            }
            double[] pf = new double[speedFrames];
            double[] tc = new double[speedFrames];
            double[] pfCpu = new double[speedFrames];
            double[] tcCpu = new double[speedFrames];
            try (FrameOperation op = Styles.operation(style, StyleParams.defaults(), null);
                 StyleStream stream = Styles.temporal(style, StyleParams.defaults(), null, TemporalSettings.defaults())) {
                try (Frame warm = Frame.of(hd.get(0).clone()); Frame a = op.apply(warm); Frame b = stream.push(warm).get(0)) {
                    a.width();
                    b.width();
                }
                for (int i = 0; i < speedFrames; i++) {
                    try (Frame in = Frame.of(hd.get(i + 1).clone())) {
                        long c0 = cpuNanos();
                        long t0 = System.nanoTime();
                        try (Frame o = op.apply(in)) {
                            pf[i] = (System.nanoTime() - t0) / 1e9;
                            pfCpu[i] = (cpuNanos() - c0) / 1e9;
                        }
                        long c1 = cpuNanos();
                        long t1 = System.nanoTime();
                        try (Frame o = stream.push(in).get(0)) {
                            tc[i] = (System.nanoTime() - t1) / 1e9;
                            tcCpu[i] = (cpuNanos() - c1) / 1e9;
                        }
                    }
                }
            }
            return new double[] {median(pf), median(tc), median(pfCpu), median(tcCpu)};
        } finally {
            hd.forEach(Mat::close);
        }
    }

    private List<Mat> cached;

    private Mat clipFrame(int i) {
        return cached.get(Math.min(i, cached.size() - 1));
    }

    private List<Mat> read() {
        List<Mat> list = new ArrayList<>();
        try (MediaSource source = MediaReader.open(video)) {
            while (list.size() < frames) {
                try (Frame f = source.next()) {
                    if (f == null) {
                        break;
                    }
                    list.add(f.image().clone());
                }
            }
        }
        if (list.size() < 3) {
            list.forEach(Mat::close);
            throw new dev.storycore.enhance.errors.InvalidInputException(video + " has fewer than 3 frames");
        }
        cached = list;
        return list;
    }

    /** CPU time of the whole process (all threads, OpenCV's included), steadier than wall time on a busy machine. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
