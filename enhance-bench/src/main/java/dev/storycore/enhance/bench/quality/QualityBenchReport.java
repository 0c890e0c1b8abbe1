package dev.storycore.enhance.bench.quality;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of one {@link QualityBenchmark} run.
 *
 * @param dataset  the folder's name
 * @param images   clean pictures used
 * @param seed     base seed of the degradations
 * @param machine  cores and Java
 * @param classes  one row per degradation class: the automatic mode against the clean original
 * @param denoise  the denoising comparison at sigma 25, peers in the same run
 * @param analysis speed of the analyser on a 1920x1080 frame
 * @param notes    how peers were run, what was skipped
 */
public record QualityBenchReport(String dataset, int images, long seed, String machine, List<ClassRow> classes,
                                 List<DenoiseRow> denoise, AnalysisSpeed analysis, List<String> notes) {

    /**
     * @param degradation   class id, e.g. "noise-25"
     * @param description   what was done to the clean pictures
     * @param psnrBefore    mean RGB PSNR (dB) of the degraded pictures against the clean ones
     * @param psnrAfter     the same after the automatic mode
     * @param ssimBefore    mean SSIM (mean over RGB channels)
     * @param ssimAfter     the same after
     * @param scoreBefore   mean overall quality score of the degraded pictures
     * @param scoreAfter    mean overall quality score after
     * @param corrections   how often each correction was kept
     * @param secondsPerMp  automatic-mode time (analysis + corrections) per megapixel
     */
    public record ClassRow(String degradation, String description, double psnrBefore, double psnrAfter,
                           double ssimBefore, double ssimAfter, double scoreBefore, double scoreAfter,
                           Map<String, Integer> corrections, double secondsPerMp) {
        public boolean improved() {
            return psnrAfter > psnrBefore && ssimAfter > ssimBefore;
        }
    }

    /**
     * @param method       "noisy input", "storycore nl-means (sigma estimated)", "ffmpeg nlmeans ..."
     * @param psnr         mean RGB PSNR (dB)
     * @param ssim         mean SSIM
     * @param secondsPerMp median seconds per megapixel of the denoiser alone
     * @param note         program, parameters or why skipped
     */
    public record DenoiseRow(String method, double psnr, double ssim, double secondsPerMp, String note) {
    }

    /**
     * @param medianMs median wall time per analysis
     * @param minMs    fastest
     * @param cpuMs    process CPU time per analysis (all threads): unlike wall time, not inflated by other
     *                 processes on a shared machine
     * @param threads  OpenCV threads
     * @param runs     runs
     */
    public record AnalysisSpeed(int width, int height, double medianMs, double minMs, double cpuMs, int threads,
                                int runs) {
    }

    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Quality: automatic mode on %s (%d pictures, seed %d)%n", dataset, images, seed));
        s.append(machine).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-15s %8s %8s %7s %7s %7s %6s %6s %7s  %s%n", "class", "PSNR in", "PSNR out",
                "dB", "SSIM in", "SSIMout", "score", "->", "s/MP", "corrections kept"));
        for (ClassRow r : classes) {
            s.append(String.format(Locale.ROOT, "%-15s %8.2f %8.2f %+7.2f %7.4f %7.4f %6.3f %6.3f %7.3f  %s%s%n",
                    r.degradation(), r.psnrBefore(), r.psnrAfter(), r.psnrAfter() - r.psnrBefore(), r.ssimBefore(),
                    r.ssimAfter(), r.scoreBefore(), r.scoreAfter(), r.secondsPerMp(), r.corrections(),
                    r.improved() ? "" : "  (NOT improved)"));
        }
        if (!denoise.isEmpty()) {
            s.append(System.lineSeparator()).append("Denoising, Gaussian sigma=25, same pictures and noise:")
                    .append(System.lineSeparator());
            double ours = denoise.stream().filter(d -> d.method().startsWith("storycore")).mapToDouble(DenoiseRow::psnr)
                    .findFirst().orElse(Double.NaN);
            double oursSpeed = denoise.stream().filter(d -> d.method().startsWith("storycore"))
                    .mapToDouble(DenoiseRow::secondsPerMp).findFirst().orElse(Double.NaN);
            s.append(String.format(Locale.ROOT, "%-38s %8s %7s %8s %9s %9s  %s%n", "method", "PSNR", "SSIM", "s/MP",
                    "ours-dB", "speed x", "note"));
            for (DenoiseRow d : denoise) {
                s.append(String.format(Locale.ROOT, "%-38s %8.2f %7.4f %8.3f %+9.2f %9.2f  %s%n", d.method(), d.psnr(),
                        d.ssim(), d.secondsPerMp(), ours - d.psnr(), d.secondsPerMp() / oursSpeed, d.note()));
            }
        }
        if (analysis != null) {
            s.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                    "Analysis of a %dx%d frame: median %.1f ms, fastest %.1f ms, CPU %.1f ms per analysis (%d runs, %d OpenCV threads)%n",
                    analysis.width(), analysis.height(), analysis.medianMs(), analysis.minMs(), analysis.cpuMs(),
                    analysis.runs(), analysis.threads()));
        }
        notes.forEach(n -> s.append("note: ").append(n).append(System.lineSeparator()));
        return s.toString();
    }
}
