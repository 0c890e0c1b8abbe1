package dev.storycore.enhance.ops.quality;

import dev.storycore.enhance.frame.Frame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Measures the eight quality dimensions of a picture from its pixels and maps them to scores,
 * issues and style traits. Stateless and thread-safe; a 1920x1080 frame takes well under 50 ms on
 * two cores (see docs/BENCHMARKS.md).
 */
public final class QualityAnalyzer {
    private static final QualityAnalyzer DEFAULT = new QualityAnalyzer();

    private QualityAnalyzer() {
    }

    public static QualityAnalyzer create() {
        return DEFAULT;
    }

    /** Analyses a picture on its own (detail preservation is then not measured). */
    public QualityReport analyze(Mat image) {
        return analyze(image, null);
    }

    public QualityReport analyze(Frame frame) {
        return analyze(frame.image(), null);
    }

    /**
     * Analyses a picture; with a reference (the picture before some operation, same size) detail
     * preservation is measured against it.
     */
    public QualityReport analyze(Mat image, Mat reference) {
        return report(PixelMeasurer.measure(image, reference));
    }

    /** Builds the report from measurements (exposed to the package so smoothed video measurements can be scored). */
    static QualityReport report(Measurements m) {
        Set<StyleTrait> style = Calibration.style(m);
        Map<QualityDimension, DimensionScore> dims = new EnumMap<>(QualityDimension.class);
        put(dims, QualityDimension.SHARPNESS, Calibration.sharpness(m), true,
                "blur effect (Crete-Roffet et al. 2007)",
                Map.of("blur_effect", m.blurEffect()));
        put(dims, QualityDimension.COLOR_ACCURACY, Calibration.colourAccuracy(m), true,
                "grey-edge illuminant angle (van de Weijer et al. 2007); Lab near-neutral offset; cast factor (Gasparini-Schettini 2004)",
                Map.of("illuminant_angle_deg", m.illuminantAngle(), "neutral_a", m.castA(), "neutral_b", m.castB(),
                        "neutral_offset", m.cast(), "cast_factor", m.castFactor()));
        put(dims, QualityDimension.NOISE, Calibration.noise(m), true,
                "noise sigma (Immerkaer 1996, edges excluded per Tai-Yang 2008)",
                Map.of("sigma", m.noiseSigma()));
        put(dims, QualityDimension.CONTRAST, Calibration.contrast(m), true,
                "luma 1st-99th percentile spread; RMS contrast (Peli 1990)",
                Map.of("spread", m.lumaSpread(), "rms_contrast", m.rmsContrast(), "p1", (double) m.lumaP1(),
                        "p99", (double) m.lumaP99()));
        put(dims, QualityDimension.EXPOSURE, Calibration.exposure(m), true,
                "mean luma, 99th percentile, clipped highlights and shadows",
                Map.of("mean_luma", m.meanLuma(), "key", Calibration.exposureKey(m),
                        "highlights_clipped", m.highlightClipped(), "shadows_clipped", m.shadowClipped()));
        put(dims, QualityDimension.SATURATION, Calibration.saturation(m), true,
                "colourfulness (Hasler-Suesstrunk 2003), noise-corrected",
                Map.of("colourfulness", m.colourfulness(), "mean_chroma", m.meanChroma()));
        put(dims, QualityDimension.DETAIL, Calibration.detail(m), m.hasReference(),
                m.hasReference() ? "one-sided gradient magnitude similarity to the reference (after Xue et al. 2014)"
                        : "not measured: needs a reference frame",
                m.hasReference() ? Map.of("gradient_similarity", m.detailSimilarity()) : Map.of());
        put(dims, QualityDimension.ARTIFACTS, Calibration.artefacts(m), true,
                "8x8 blockiness ratio (after Wang-Bovik-Evans 2000); ringing ratio near strong edges",
                Map.of("blockiness", m.blockiness(), "ringing", m.ringing()));
        double overall = overall(dims);
        return new QualityReport(m, dims, overall, issues(m, dims, style), style);
    }

    private static void put(Map<QualityDimension, DimensionScore> dims, QualityDimension d, double score,
                            boolean measured, String method, Map<String, Double> values) {
        dims.put(d, new DimensionScore(d, score, measured, method, values));
    }

    static double overall(Map<QualityDimension, DimensionScore> dims) {
        double weighted = 0;
        double weights = 0;
        double worst = 1;
        for (DimensionScore s : dims.values()) {
            if (!s.measured() || s.dimension().weight() == 0) {
                continue;
            }
            weighted += s.dimension().weight() * s.score();
            weights += s.dimension().weight();
            worst = Math.min(worst, s.score());
        }
        return weights == 0 ? 1 : 0.7 * weighted / weights + 0.3 * worst;
    }

    private static List<QualityIssue> issues(Measurements m, Map<QualityDimension, DimensionScore> dims,
                                             Set<StyleTrait> style) {
        List<QualityIssue> issues = new ArrayList<>();
        for (DimensionScore s : dims.values()) {
            Severity severity = Severity.forScore(s.score());
            if (severity == null || !s.measured()) {
                continue;
            }
            boolean intentional = switch (s.dimension()) {
                case SATURATION, COLOR_ACCURACY -> style.contains(StyleTrait.DESATURATED);
                case CONTRAST, EXPOSURE -> style.contains(StyleTrait.HIGH_CONTRAST);
                default -> false;
            };
            issues.add(new QualityIssue(s.dimension(), severity, describe(s.dimension(), m), intentional));
        }
        issues.sort(Comparator.comparing((QualityIssue i) -> i.severity()).reversed()
                .thenComparing(i -> dims.get(i.dimension()).score()));
        return issues;
    }

    private static String describe(QualityDimension d, Measurements m) {
        return switch (d) {
            case SHARPNESS -> String.format(Locale.ROOT, "soft picture: blur effect %.2f (sharp pictures are below %.2f)",
                    m.blurEffect(), Calibration.BLUR_GOOD);
            case COLOR_ACCURACY -> String.format(Locale.ROOT, "%s colour cast: illuminant %.1f degrees off neutral",
                    castName(m), m.illuminantAngle());
            case NOISE -> String.format(Locale.ROOT, "noisy: estimated sigma %.1f of 255", m.noiseSigma());
            case CONTRAST -> String.format(Locale.ROOT, "flat: luma spans only %.0f%% of the range (1st-99th percentile)",
                    100 * m.lumaSpread());
            case EXPOSURE -> exposureText(m);
            case SATURATION -> m.colourfulness() > Calibration.OVERSATURATED_GOOD
                    ? String.format(Locale.ROOT, "oversaturated: colourfulness %.0f", m.colourfulness())
                    : String.format(Locale.ROOT, "dull colours: colourfulness %.0f", m.colourfulness());
            case DETAIL -> String.format(Locale.ROOT, "detail lost: gradient similarity %.2f to the reference",
                    m.detailSimilarity());
            case ARTIFACTS -> m.blockiness() >= m.ringing() / 4
                    ? String.format(Locale.ROOT, "compression blocking: 8x8 blockiness ratio %.2f", m.blockiness())
                    : String.format(Locale.ROOT, "ringing near edges: ratio %.1f", m.ringing());
        };
    }

    private static String exposureText(Measurements m) {
        if (m.highlightClipped() > Calibration.HIGHLIGHT_GOOD) {
            return String.format(Locale.ROOT, "blown highlights: %.1f%% of pixels clipped", 100 * m.highlightClipped());
        }
        if (m.meanLuma() > Calibration.MEAN_BRIGHT_GOOD) {
            return String.format(Locale.ROOT, "over-exposed: mean luma %.2f", m.meanLuma());
        }
        if (m.shadowClipped() > Calibration.SHADOW_GOOD && Calibration.exposureKey(m) >= Calibration.KEY_GOOD) {
            return String.format(Locale.ROOT, "crushed shadows: %.1f%% of pixels black", 100 * m.shadowClipped());
        }
        return String.format(Locale.ROOT, "under-exposed: mean luma %.2f, 99th percentile %d", m.meanLuma(),
                m.lumaP99());
    }

    /** Names the cast from the illuminant estimate: warm/cool (red vs blue), green/magenta. */
    static String castName(Measurements m) {
        double warm = m.illuminantR() - m.illuminantB();
        double green = m.illuminantG() - (m.illuminantR() + m.illuminantB()) / 2;
        String tone = Math.abs(warm) >= Math.abs(green) ? (warm > 0 ? "warm (orange)" : "cool (blue)")
                : (green > 0 ? "green" : "magenta");
        return tone;
    }
}
