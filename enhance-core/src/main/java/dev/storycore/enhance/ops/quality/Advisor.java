package dev.storycore.enhance.ops.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a report into suggestions. A dimension is addressed only when it raised an issue (score
 * below 0.75; global tone and colour corrections only below 0.5 and 0.6), so a clean picture gets
 * no suggestion; parameters come from the measurements.
 */
final class Advisor {
    /** Score below which a dimension is worth correcting (the MINOR issue threshold). */
    static final double ACT_BELOW = 0.75;
    /**
     * Global tone and colour corrections wait for a clearer problem (MODERATE, or nearly): a borderline
     * picture is more likely a deliberate choice, and a global change to it costs much fidelity for
     * little gain (measured on colour BSD68: JPEG and blur classes lost PSNR from such corrections).
     */
    static final double ACT_BELOW_TONE = 0.5;
    static final double ACT_BELOW_COLOUR = 0.6;
    /** Clean photographs show a grey-edge illuminant angle up to about this much; only the excess is corrected. */
    static final double CAST_TOLERANCE_DEG = 2.5;

    private Advisor() {
    }

    static List<Suggestion> suggest(QualityReport report) {
        Measurements m = report.measurements();
        List<Suggestion> out = new ArrayList<>();
        double sharp = report.score(QualityDimension.SHARPNESS);
        double noise = report.score(QualityDimension.NOISE);
        double artefacts = report.score(QualityDimension.ARTIFACTS);

        boolean blocky = artefacts < ACT_BELOW && m.blockiness() > Calibration.BLOCK_GOOD;
        if (blocky) {
            out.add(suggestion(CorrectionType.DEBLOCK, Deblocker.parametersFor(m.blockiness()),
                    0.8 * (1 - artefacts), confidence(m.blockiness(), Calibration.BLOCK_GOOD, Calibration.BLOCK_BAD),
                    List.of("smooths fine texture a little along with the blocks"),
                    String.format(Locale.ROOT, "8x8 blockiness ratio %.2f", m.blockiness())));
        }
        if (noise < ACT_BELOW) {
            List<String> w = new ArrayList<>();
            w.add("removes fine grain and film-grain texture along with the noise");
            if (blocky) {
                w.add("compression artefacts were found too: deblocking runs first and covers part of this");
            }
            out.add(suggestion(CorrectionType.DENOISE, NlMeansDenoiser.parametersFor(m.noiseSigma()),
                    0.85 * (1 - noise), confidence(m.noiseSigma(), Calibration.NOISE_GOOD, Calibration.NOISE_BAD), w,
                    String.format(Locale.ROOT, "estimated noise sigma %.1f", m.noiseSigma())));
        }
        double colour = report.score(QualityDimension.COLOR_ACCURACY);
        if (colour < ACT_BELOW_COLOUR && m.agreedCastAngle() > CAST_TOLERANCE_DEG) {
            // correct only the part of the cast that all three illuminant estimators agree on, beyond the tolerance
            double strength = Math.max(0, (m.agreedCastAngle() - CAST_TOLERANCE_DEG) / m.illuminantAngle());
            List<String> w = new ArrayList<>(List.of("a warm sunset or a cool night scene may be meant to look that way"));
            if (report.has(StyleTrait.DESATURATED)) {
                w.add("the picture is nearly monochrome: a tint is probably intentional");
            }
            out.add(suggestion(CorrectionType.WHITE_BALANCE,
                    GreyEdgeWhiteBalance.parametersFor(m.illuminantB(), m.illuminantG(), m.illuminantR(), strength),
                    0.7 * (1 - colour), 0.6 * confidence(m.illuminantAngle(), Calibration.CAST_GOOD, Calibration.CAST_BAD),
                    w, String.format(Locale.ROOT, "%s cast, illuminant %.1f degrees off neutral",
                            QualityAnalyzer.castName(m), m.illuminantAngle())));
        }
        double exposure = report.score(QualityDimension.EXPOSURE);
        boolean clippingOnly = m.meanLuma() <= Calibration.MEAN_BRIGHT_GOOD
                && Calibration.exposureKey(m) >= Calibration.KEY_GOOD;
        if (exposure < ACT_BELOW_TONE && !clippingOnly) {
            double gamma = GammaExposure.gammaFor(m.meanLuma());
            List<String> w = new ArrayList<>();
            if (gamma < 1) {
                w.add("brightening lifts noise in the shadows");
            } else {
                w.add("blown highlights cannot be recovered, only toned down");
            }
            if (report.has(StyleTrait.HIGH_CONTRAST)) {
                w.add("hard tonal look: probably intentional");
            }
            out.add(suggestion(CorrectionType.EXPOSURE, Map.of("gamma", gamma, "mean_luma", m.meanLuma()),
                    0.8 * (1 - exposure), 0.7, w,
                    String.format(Locale.ROOT, "mean luma %.2f, 99th percentile %d", m.meanLuma(), m.lumaP99())));
        }
        double contrast = report.score(QualityDimension.CONTRAST);
        if (contrast < ACT_BELOW_TONE) {
            Map<String, Double> p = new HashMap<>();
            p.put("p1", (double) m.lumaP1());
            p.put("p99", (double) m.lumaP99());
            // stretch the spread toward the clean-photograph median (0.85 of the range), about the current middle
            double mid = (m.lumaP1() + m.lumaP99()) / 2.0;
            double targetSpread = 0.85 * 255;
            double half = Math.max(m.lumaP99() - m.lumaP1(), targetSpread) / 2;
            double low = Math.max(2, mid - half);
            double high = Math.min(253, low + 2 * half);
            p.put("low", low);
            p.put("high", high);
            p.put("clip_limit", 1.5);
            p.put("clahe_mix", 0.0);
            List<String> w = new ArrayList<>(List.of("fog, haze or a soft look may be intended"));
            if (m.noiseSigma() > Calibration.NOISE_GOOD) {
                w.add("stretching contrast makes noise more visible");
            }
            out.add(suggestion(CorrectionType.CONTRAST, p, 0.8 * (1 - contrast), 0.7, w,
                    String.format(Locale.ROOT, "luma spans %.0f%% of the range", 100 * m.lumaSpread())));
        }
        if (sharp < ACT_BELOW) {
            double excess = Math.max(0, m.blurEffect() - Calibration.BLUR_GOOD);
            Map<String, Double> p = Map.of(
                    "amount", Math.min(2.5, 0.5 + 6 * excess),
                    "radius", Math.min(3.0, 1.0 + 4 * excess),
                    "threshold", 2 * Math.min(m.noiseSigma(), 20));
            List<String> w = new ArrayList<>(List.of("strong sharpening draws halos along high-contrast edges"));
            if (noise < ACT_BELOW) {
                w.add("the picture is noisy: sharpen after denoising (the automatic mode does)");
            }
            out.add(suggestion(CorrectionType.SHARPEN, p, 0.6 * (1 - sharp),
                    confidence(m.blurEffect(), Calibration.BLUR_GOOD, Calibration.BLUR_BAD) * (noise < 0.5 ? 0.5 : 1), w,
                    String.format(Locale.ROOT, "blur effect %.2f", m.blurEffect())));
            if (sharp >= 0.4) {
                out.add(suggestion(CorrectionType.DETAIL, Map.of("boost", 0.6, "radius", 4.0, "eps", 100.0),
                        0.3 * (1 - sharp), 0.4, List.of("brings out texture and noise alike"),
                        String.format(Locale.ROOT, "blur effect %.2f: mildly soft", m.blurEffect())));
            }
        }
        // priority: larger expected gain on heavier dimensions first
        List<Suggestion> ranked = new ArrayList<>(out);
        ranked.sort(Comparator.comparingDouble((Suggestion s) -> -s.expectedImprovement() * s.target().weight()));
        List<Suggestion> result = new ArrayList<>();
        for (Suggestion s : out) {
            result.add(new Suggestion(s.type(), s.target(), s.parameters(), s.expectedImprovement(), s.confidence(),
                    ranked.indexOf(s) + 1, s.warnings(), s.reason()));
        }
        result.sort(Comparator.comparing(Suggestion::type));
        return result;
    }

    /**
     * A suggestion for a correction the user asked for by name: the advisor's own when it made one,
     * otherwise parameters built from the measurements; {@code level} (when not NaN) overrides the
     * main parameter.
     */
    static Suggestion forced(CorrectionType type, QualityReport report, double level) {
        Measurements m = report.measurements();
        Suggestion base = suggest(report).stream().filter(s -> s.type() == type).findFirst().orElse(null);
        Map<String, Double> p = new HashMap<>(base != null ? base.parameters() : defaults(type, m));
        if (!Double.isNaN(level)) {
            switch (type) {
                case DENOISE -> p.putAll(NlMeansDenoiser.parametersFor(level));
                case SHARPEN -> p.put("amount", level);
                case CONTRAST -> p.put("clahe_mix", Math.max(0, Math.min(1, level)));
                case DETAIL -> p.put("boost", level);
                case EXPOSURE -> p.put("gamma", level);
                default -> {
                }
            }
        }
        if (type == CorrectionType.WHITE_BALANCE) {
            p.put("strength", 1.0);
        }
        String reason = base != null ? base.reason() : "asked for";
        return new Suggestion(type, type.target(), p, base != null ? base.expectedImprovement() : 0,
                base != null ? base.confidence() : 0.3, base != null ? base.priority() : 1,
                base != null ? base.warnings() : List.of("asked for although no problem was measured"), reason);
    }

    private static Map<String, Double> defaults(CorrectionType type, Measurements m) {
        return switch (type) {
            case DENOISE -> NlMeansDenoiser.parametersFor(Math.max(2, m.noiseSigma()));
            case DEBLOCK -> Deblocker.parametersFor(Math.max(1.3, m.blockiness()));
            case WHITE_BALANCE -> GreyEdgeWhiteBalance.parametersFor(m.illuminantB(), m.illuminantG(),
                    m.illuminantR(), 1.0);
            case EXPOSURE -> Map.of("gamma", GammaExposure.gammaFor(m.meanLuma()));
            case CONTRAST -> Map.of("p1", (double) m.lumaP1(), "p99", (double) m.lumaP99(),
                    "low", (double) Math.max(2, m.lumaP1() - 6), "high", (double) Math.min(253, m.lumaP99() + 6),
                    "clip_limit", 1.5, "clahe_mix", 0.5);
            case SHARPEN -> Map.of("amount", 0.8, "radius", 1.2, "threshold", 2 * Math.min(m.noiseSigma(), 20));
            case DETAIL -> Map.of("boost", 0.6, "radius", 4.0, "eps", 100.0);
        };
    }

    /** How far a measurement is past the good anchor, as a share of the way to the bad one, in [0.3, 1]. */
    private static double confidence(double value, double good, double bad) {
        return 0.3 + 0.7 * PixelStats.ramp(value, good, bad);
    }

    private static Suggestion suggestion(CorrectionType type, Map<String, Double> p, double gain, double confidence,
                                         List<String> warnings, String reason) {
        return new Suggestion(type, type.target(), p, Math.max(0, Math.min(1, gain)),
                Math.max(0, Math.min(1, confidence)), 0, warnings, reason);
    }
}
