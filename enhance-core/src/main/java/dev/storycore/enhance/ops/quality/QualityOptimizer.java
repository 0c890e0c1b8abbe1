package dev.storycore.enhance.ops.quality;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Suggests and applies quality corrections. Four modes:
 * <ul>
 *   <li>{@link #optimize automatic}: every suggestion the advisor makes (but detail enhancement), in {@link CorrectionType}
 *       order, each kept only if the picture's overall score rises and its target dimension does not
 *       fall (do no harm: a clean picture gets no suggestion and comes back unchanged; the overall
 *       score never drops). Traits judged deliberate ({@link StyleTrait}) are left alone unless the
 *       optimiser was built with {@link #ignoringStyle()};</li>
 *   <li>{@link #apply selective}: exactly the suggestions the caller picked, without the score gate;</li>
 *   <li>{@link #preview}: one suggestion on one picture;</li>
 *   <li>feedback: every result carries both reports and {@link OptimizationResult#feedback()}.</li>
 * </ul>
 * Thread-safe; pictures may be grey, BGR or BGRA, 8 or 16 bits; results are 8-bit BGR.
 */
public final class QualityOptimizer {
    private static final double MIN_GAIN = 1e-4;
    private final QualityAnalyzer analyzer = QualityAnalyzer.create();
    private final Map<CorrectionType, Correction> corrections = new EnumMap<>(CorrectionType.class);
    private final boolean respectStyle;

    private QualityOptimizer(boolean respectStyle) {
        this.respectStyle = respectStyle;
        for (Correction c : List.of(new Deblocker(), new NlMeansDenoiser(), new GreyEdgeWhiteBalance(),
                new GammaExposure(), new ClaheContrast(), new UnsharpMask(), new GuidedDetailBoost())) {
            corrections.put(c.type(), c);
        }
    }

    /** The default optimiser: respects deliberate looks. */
    public static QualityOptimizer create() {
        return new QualityOptimizer(true);
    }

    /** An optimiser that also "fixes" looks judged deliberate (desaturated, high-contrast). */
    public QualityOptimizer ignoringStyle() {
        return new QualityOptimizer(false);
    }

    public QualityAnalyzer analyzer() {
        return analyzer;
    }

    /** Suggestions for a report, in application order; those judged against a deliberate look are dropped unless style is ignored. */
    public List<Suggestion> suggest(QualityReport report) {
        List<Suggestion> all = Advisor.suggest(report);
        if (!respectStyle) {
            return all;
        }
        return all.stream().filter(s -> !againstStyle(s, report)).toList();
    }

    /** Automatic mode. */
    public OptimizationResult optimize(Mat image) {
        try (Mat input = AnalysisImages.toBgr8(image)) {
            QualityReport before = analyzer.analyze(input);
            return run(input, before, automatic(suggest(before)), true);
        }
    }

    /**
     * The suggestions the automatic mode tries: all but detail enhancement, which is offered for
     * selective use only (after sharpening it mostly amplifies noise and halos).
     */
    private static List<Suggestion> automatic(List<Suggestion> suggestions) {
        return suggestions.stream().filter(s -> s.type() != CorrectionType.DETAIL).toList();
    }

    /** Automatic mode with a plan fixed in advance (video: the same plan for every frame of a shot). */
    public OptimizationResult optimize(Mat image, List<Suggestion> plan) {
        try (Mat input = AnalysisImages.toBgr8(image)) {
            return run(input, analyzer.analyze(input), plan, true);
        }
    }

    /** Selective mode: applies exactly the given suggestions (in application order), without the score gate. */
    public OptimizationResult apply(Mat image, List<Suggestion> chosen) {
        try (Mat input = AnalysisImages.toBgr8(image)) {
            return run(input, analyzer.analyze(input), chosen, false);
        }
    }

    /** Preview of one suggestion. */
    public OptimizationResult preview(Mat image, Suggestion suggestion) {
        return apply(image, List.of(suggestion));
    }

    /** Applies one correction without analysis (the per-frame path of a fixed plan); returns a new 8-bit BGR Mat. */
    public Mat correct(Mat image, CorrectionType type, Map<String, Double> parameters) {
        try (Mat input = AnalysisImages.toBgr8(image)) {
            return corrections.get(type).apply(input, parameters);
        }
    }

    /**
     * The corrections to apply to a whole shot: for the automatic mode, the suggestions for the
     * shot's (median) report that pass the score gate on a representative frame; plus the explicit
     * corrections of the request (asked for, so applied even against a deliberate look).
     */
    public List<Suggestion> plan(Mat representative, QualityReport shotReport, QualityRequest request) {
        List<Suggestion> plan = new ArrayList<>();
        if (request.automatic()) {
            try (Mat input = AnalysisImages.toBgr8(representative);
                 OptimizationResult trial = run(input, analyzer.analyze(input), automatic(suggest(shotReport)), true)) {
                plan.addAll(trial.applied());
            }
        }
        for (Map.Entry<CorrectionType, Double> e : request.explicit().entrySet()) {
            plan.removeIf(s -> s.type() == e.getKey());
            plan.add(Advisor.forced(e.getKey(), shotReport, e.getValue()));
        }
        plan.sort(Comparator.comparing(Suggestion::type));
        return plan;
    }

    /** Applies a plan without analysis; returns a new 8-bit BGR Mat. */
    public Mat applyPlan(Mat image, List<Suggestion> plan) {
        Mat current = AnalysisImages.toBgr8(image);
        for (Suggestion s : plan) {
            Mat next = corrections.get(s.type()).apply(current, s.parameters());
            current.close();
            current = next;
        }
        return current;
    }

    private OptimizationResult run(Mat input, QualityReport before, List<Suggestion> plan, boolean gate) {
        List<Suggestion> ordered = new ArrayList<>(plan);
        ordered.sort(Comparator.comparing(Suggestion::type));
        List<AppliedCorrection> steps = new ArrayList<>();
        Mat current = input.clone();
        QualityReport currentReport = before;
        try {
            for (Suggestion s : ordered) {
                Mat candidate = corrections.get(s.type()).apply(current, s.parameters());
                QualityReport candidateReport = analyzer.analyze(candidate);
                double targetBefore = currentReport.score(s.target());
                double targetAfter = candidateReport.score(s.target());
                boolean better = candidateReport.overall() >= currentReport.overall() + MIN_GAIN
                        && targetAfter >= targetBefore;
                if (!gate || better) {
                    steps.add(new AppliedCorrection(s, true, currentReport.overall(), candidateReport.overall(),
                            gate ? String.format(Locale.ROOT, "%s %.2f -> %.2f", s.target().label(), targetBefore,
                                    targetAfter) : "applied as requested"));
                    current.close();
                    current = candidate;
                    currentReport = candidateReport;
                } else {
                    steps.add(new AppliedCorrection(s, false, currentReport.overall(), candidateReport.overall(),
                            String.format(Locale.ROOT, "dropped: overall %.3f -> %.3f, %s %.2f -> %.2f",
                                    currentReport.overall(), candidateReport.overall(), s.target().label(),
                                    targetBefore, targetAfter)));
                    candidate.close();
                }
            }
            QualityReport after = analyzer.analyze(current, input);
            return new OptimizationResult(current, before, after, steps);
        } catch (RuntimeException e) {
            current.close();
            throw e;
        }
    }

    private static boolean againstStyle(Suggestion s, QualityReport report) {
        return switch (s.type()) {
            case WHITE_BALANCE -> report.has(StyleTrait.DESATURATED);
            case CONTRAST, EXPOSURE -> report.has(StyleTrait.HIGH_CONTRAST);
            default -> false;
        };
    }
}
