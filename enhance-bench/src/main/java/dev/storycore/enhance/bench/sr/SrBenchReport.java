package dev.storycore.enhance.bench.sr;

import java.util.List;
import java.util.Locale;

/**
 * The result of one {@link SrBenchmark} run: one row per (factor, method), all methods on the same
 * low-resolution inputs.
 *
 * @param dataset   the folder's name, e.g. "Set5"
 * @param images    pictures measured
 * @param protocol  how the inputs were made and scored, in words
 * @param machine   where it ran (cores, Java)
 * @param rows      the measurements
 */
public record SrBenchReport(String dataset, int images, String protocol, String machine, List<Row> rows) {

    /**
     * @param scale     upscaling factor
     * @param method    method name
     * @param psnr      mean Y-channel PSNR in dB over the pictures (NaN when skipped)
     * @param ssim      mean Y-channel SSIM (NaN when skipped)
     * @param megapixelsPerSecond output megapixels per second of upscaling time (NaN when skipped)
     * @param seconds   total upscaling time
     * @param note      why the method was skipped, or empty
     */
    public record Row(int scale, String method, double psnr, double ssim, double megapixelsPerSecond,
                      double seconds, String note) {
        public boolean skipped() {
            return !note.isEmpty();
        }
    }

    /** A fixed-width table for people, with the PSNR gain over bicubic at the same factor. */
    public String table() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Super-resolution on %s (%d pictures)%n", dataset, images));
        s.append(protocol).append(System.lineSeparator());
        s.append(machine).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%-5s %-14s %9s %8s %9s %10s%n", "scale", "method", "PSNR(dB)", "SSIM",
                "vs bicub", "MP/s"));
        for (Row r : rows) {
            if (r.skipped()) {
                s.append(String.format(Locale.ROOT, "x%-4d %-14s %s%n", r.scale(), r.method(), "skipped: " + r.note()));
                continue;
            }
            double bicubic = rows.stream().filter(o -> o.scale() == r.scale() && o.method().equals("bicubic"))
                    .mapToDouble(Row::psnr).findFirst().orElse(Double.NaN);
            s.append(String.format(Locale.ROOT, "x%-4d %-14s %9.3f %8.4f %+9.3f %10.4f%n", r.scale(), r.method(), r.psnr(),
                    r.ssim(), r.psnr() - bicubic, r.megapixelsPerSecond()));
        }
        return s.toString();
    }
}
