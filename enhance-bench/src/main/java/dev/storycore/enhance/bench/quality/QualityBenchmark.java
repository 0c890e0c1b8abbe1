package dev.storycore.enhance.bench.quality;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.ops.quality.CorrectionType;
import dev.storycore.enhance.ops.quality.Degradation;
import dev.storycore.enhance.ops.quality.OptimizationResult;
import dev.storycore.enhance.ops.quality.QualityAnalyzer;
import dev.storycore.enhance.ops.quality.QualityOptimizer;
import dev.storycore.enhance.ops.quality.QualityReport;
import dev.storycore.enhance.ops.quality.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The quality benchmark: each clean picture is degraded in every {@link Degradation} class with a
 * fixed seed, the automatic mode corrects it, and mean RGB PSNR and SSIM against the clean picture
 * are reported before and after, per class. At Gaussian sigma 25 our denoiser (NL-means with the
 * estimated sigma) runs beside FFmpeg's nlmeans and hqdn3d on the same noisy pictures. Finally the
 * analyser is timed on a 1920x1080 frame.
 */
public final class QualityBenchmark {
    /** FFmpeg nlmeans strength: the best of s = 8, 12, 14, 16, 17, 18, 20 on the first 4 CBSD68 pictures at sigma 25. */
    static final String NLMEANS_ARGS = "s=16:p=7:r=15";
    /** hqdn3d spatial strengths (temporal off for stills): the best of the default, 20:15, 30:25, 45:35 on the same 4. */
    static final String HQDN3D_ARGS = "45:35:0:0";

    private final QualityOptimizer optimizer = QualityOptimizer.create();
    private final QualityAnalyzer analyzer = optimizer.analyzer();

    public QualityBenchReport run(Path data, int limit, long seed, boolean peers, Path save, Consumer<String> log)
            throws IOException, InterruptedException {
        List<Path> files = pictures(data, limit);
        List<String> notes = new ArrayList<>();
        List<QualityBenchReport.ClassRow> rows = new ArrayList<>();
        for (Degradation d : Degradation.values()) {
            rows.add(runClass(d, files, seed, save, log));
        }
        List<QualityBenchReport.DenoiseRow> denoise = denoisePeers(files, seed, peers, notes, log);
        QualityBenchReport.AnalysisSpeed speed = analysisSpeed(files.get(0));
        return new QualityBenchReport(data.getFileName().toString(), files.size(), seed, machine(), rows, denoise,
                speed, notes);
    }

    private QualityBenchReport.ClassRow runClass(Degradation d, List<Path> files, long seed, Path save,
                                                 Consumer<String> log) throws IOException {
        double pb = 0;
        double pa = 0;
        double sb = 0;
        double sa = 0;
        double qb = 0;
        double qa = 0;
        double seconds = 0;
        double mp = 0;
        Map<String, Integer> kept = new TreeMap<>();
        for (int i = 0; i < files.size(); i++) {
            try (Mat clean = read(files.get(i)); Mat degraded = d.apply(clean, seed + i)) {
                long t = System.nanoTime();
                try (OptimizationResult r = optimizer.optimize(degraded)) {
                    seconds += (System.nanoTime() - t) / 1e9;
                    mp += clean.total() / 1e6;
                    pb += ImageQuality.psnr(clean, degraded);
                    pa += ImageQuality.psnr(clean, r.image());
                    sb += ImageQuality.ssim(clean, degraded);
                    sa += ImageQuality.ssim(clean, r.image());
                    qb += r.before().overall();
                    qa += analyzer.analyze(r.image()).overall();
                    for (Suggestion s : r.applied()) {
                        kept.merge(s.type().id(), 1, Integer::sum);
                    }
                    if (save != null && i == 0) {
                        Files.createDirectories(save);
                        String stem = stem(files.get(i));
                        imwrite(save.resolve(stem + "-clean.png").toString(), clean);
                        imwrite(save.resolve(stem + "-" + d.id() + "-in.png").toString(), degraded);
                        imwrite(save.resolve(stem + "-" + d.id() + "-out.png").toString(), r.image());
                    }
                }
            }
        }
        int n = files.size();
        QualityBenchReport.ClassRow row = new QualityBenchReport.ClassRow(d.id(), d.description(), pb / n, pa / n,
                sb / n, sa / n, qb / n, qa / n, kept, seconds / mp);
        log.accept(String.format(java.util.Locale.ROOT, "%s: PSNR %.2f -> %.2f, SSIM %.4f -> %.4f", d.id(),
                row.psnrBefore(), row.psnrAfter(), row.ssimBefore(), row.ssimAfter()));
        return row;
    }

    private List<QualityBenchReport.DenoiseRow> denoisePeers(List<Path> files, long seed, boolean peers,
                                                            List<String> notes, Consumer<String> log)
            throws IOException, InterruptedException {
        List<FfmpegDenoisePeer> peerList = new ArrayList<>();
        if (peers) {
            List<String> why = new ArrayList<>();
            FfmpegDenoisePeer nl = FfmpegDenoisePeer.find("ffmpeg nlmeans " + NLMEANS_ARGS, "nlmeans", NLMEANS_ARGS, why);
            FfmpegDenoisePeer hq = FfmpegDenoisePeer.find("ffmpeg hqdn3d " + HQDN3D_ARGS, "hqdn3d", HQDN3D_ARGS, why);
            for (FfmpegDenoisePeer p : Arrays.asList(nl, hq)) {
                if (p != null) {
                    peerList.add(p);
                    notes.add(p.name() + ": " + p.programNote());
                }
            }
            notes.addAll(why);
        } else {
            notes.add("FFmpeg peers not run (--no-peers)");
        }
        int n = files.size();
        double[] psnr = new double[2 + peerList.size()];
        double[] ssim = new double[psnr.length];
        List<List<Double>> secPerMp = new ArrayList<>();
        for (int k = 0; k < psnr.length; k++) {
            secPerMp.add(new ArrayList<>());
        }
        Path work = FfmpegDenoisePeer.workDir();
        try {
            for (int i = 0; i < n; i++) {
                try (Mat clean = read(files.get(i));
                     Mat noisy = Degradation.GAUSSIAN_NOISE_25.apply(clean, seed + i)) {
                    double mp = clean.total() / 1e6;
                    psnr[0] += ImageQuality.psnr(clean, noisy);
                    ssim[0] += ImageQuality.ssim(clean, noisy);
                    QualityReport report = analyzer.analyze(noisy);
                    Suggestion denoise = optimizer.suggest(report).stream()
                            .filter(s -> s.type() == CorrectionType.DENOISE).findFirst().orElse(null);
                    Map<String, Double> params = denoise != null ? denoise.parameters()
                            : Map.of("sigma", report.measurements().noiseSigma());
                    long t = System.nanoTime();
                    try (Mat ours = optimizer.correct(noisy, CorrectionType.DENOISE, params)) {
                        secPerMp.get(1).add((System.nanoTime() - t) / 1e9 / mp);
                        psnr[1] += ImageQuality.psnr(clean, ours);
                        ssim[1] += ImageQuality.ssim(clean, ours);
                    }
                    for (int k = 0; k < peerList.size(); k++) {
                        FfmpegDenoisePeer.Result r = peerList.get(k).run(noisy, work);
                        try (Mat out = r.image()) {
                            psnr[2 + k] += ImageQuality.psnr(clean, out);
                            ssim[2 + k] += ImageQuality.ssim(clean, out);
                            secPerMp.get(2 + k).add(r.seconds() / mp);
                        }
                    }
                }
                log.accept("denoise sigma=25: " + (i + 1) + "/" + n);
            }
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<QualityBenchReport.DenoiseRow> rows = new ArrayList<>();
        rows.add(new QualityBenchReport.DenoiseRow("noisy input", psnr[0] / n, ssim[0] / n, Double.NaN, ""));
        rows.add(new QualityBenchReport.DenoiseRow("storycore nl-means (sigma estimated)", psnr[1] / n, ssim[1] / n,
                median(secPerMp.get(1)), "luma full-res + chroma half-res, h from the estimated sigma"));
        for (int k = 0; k < peerList.size(); k++) {
            rows.add(new QualityBenchReport.DenoiseRow(peerList.get(k).name(), psnr[2 + k] / n, ssim[2 + k] / n,
                    median(secPerMp.get(2 + k)), peerList.get(k).programNote()));
        }
        return rows;
    }

    private QualityBenchReport.AnalysisSpeed analysisSpeed(Path picture) {
        int runs = 30;
        try (Mat clean = read(picture); Mat big = new Mat(); Size hd = new Size(1920, 1080)) {
            resize(clean, big, hd, 0, 0, INTER_CUBIC);
            try (Mat frame = Degradation.GAUSSIAN_NOISE_15.apply(big, 1)) {
                for (int i = 0; i < 10; i++) {
                    analyzer.analyze(frame);
                }
                double[] ms = new double[runs];
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long cpu0 = os.getProcessCpuTime();
                for (int i = 0; i < runs; i++) {
                    long t = System.nanoTime();
                    analyzer.analyze(frame);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / runs;
                Arrays.sort(ms);
                return new QualityBenchReport.AnalysisSpeed(1920, 1080, ms[runs / 2], ms[0], cpuMs,
                        opencv_core.getNumThreads(), runs);
            }
        }
    }

    static List<Path> pictures(Path data, int limit) throws IOException {
        if (!Files.isDirectory(data)) {
            throw new InvalidInputException("bench quality: " + data + " is not a folder; pass the clean pictures, e.g."
                    + " --data ../shared/data/denoise/CBSD68");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(data)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(png|jpg|jpeg|bmp|tif|tiff)"))
                    .sorted().toList();
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("bench quality: no pictures in " + data);
        }
        return limit > 0 && limit < files.size() ? files.subList(0, limit) : files;
    }

    private static Mat read(Path file) {
        Mat m = imread(file.toString());
        if (m.empty()) {
            m.close();
            throw new InvalidInputException("bench quality: cannot read " + file);
        }
        return m;
    }

    private static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String machine() {
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", OpenCV threads " + opencv_core.getNumThreads();
    }
}
