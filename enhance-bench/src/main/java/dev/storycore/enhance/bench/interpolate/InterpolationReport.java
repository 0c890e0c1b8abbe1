package dev.storycore.enhance.bench.interpolate;

import java.util.List;
import java.util.Locale;

/**
 * What {@code storycore bench interpolate} measured.
 *
 * @param input     the video
 * @param width     frame width
 * @param height    frame height
 * @param frames    frames read (the first N)
 * @param rebuilt   odd frames every method rebuilt and was scored on
 * @param cores     processors the JVM saw
 * @param peerNote  which ffmpeg ran minterpolate, or why it did not
 * @param rows      one per method
 * @param orderCheck the interpolation/super-resolution order comparison, or null when not run
 */
public record InterpolationReport(String input, int width, int height, int frames, int rebuilt, int cores,
                                  String peerNote, List<Row> rows, String orderCheck) {
    /**
     * One method's figures.
     *
     * @param method            name
     * @param psnrY             mean Y-PSNR (dB) of rebuilt vs real odd frames
     * @param ssimY             mean Y-SSIM
     * @param medianSeconds     median wall seconds per interpolated frame (for minterpolate: the run's total
     *                          beyond duplication, divided by the frames; it reports no per-frame times)
     * @param cpuSeconds        process CPU seconds per interpolated frame (all threads)
     * @param methods           how the pairs were handled (ours only), e.g. "FLOW 48, BLEND 2"
     */
    public record Row(String method, double psnrY, double ssimY, double medianSeconds, double cpuSeconds,
                      String methods) {
    }

    public Row row(String method) {
        return rows.stream().filter(r -> r.method.equals(method)).findFirst().orElse(null);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d frames of %dx%d; %d odd frames rebuilt from the even ones;"
                + " %d cores; peer: %s%n", input, frames, width, height, rebuilt, cores, peerNote));
        Row peer = row(InterpolationBenchmark.MINTERPOLATE);
        sb.append(String.format(Locale.ROOT, "%-22s %9s %8s %10s %10s %9s %9s  %s%n", "method", "Y-PSNR", "Y-SSIM",
                "s/frame", "cpu s/fr", "dB vs mi", "x faster", "pairs"));
        for (Row r : rows) {
            String db = peer == null ? "" : String.format(Locale.ROOT, "%+.2f", r.psnrY - peer.psnrY);
            String speed = peer == null || r.medianSeconds <= 0 ? "" : String.format(Locale.ROOT, "%.1f",
                    peer.medianSeconds / r.medianSeconds);
            sb.append(String.format(Locale.ROOT, "%-22s %9.3f %8.4f %10.4f %10.4f %9s %9s  %s%n", r.method, r.psnrY,
                    r.ssimY, r.medianSeconds, r.cpuSeconds, db, speed, r.methods));
        }
        if (orderCheck != null) {
            sb.append(orderCheck);
        }
        return sb.toString();
    }
}
