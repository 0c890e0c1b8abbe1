package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.quality.CorrectionType;
import dev.storycore.enhance.ops.quality.QualityRequest;
import dev.storycore.enhance.ops.quality.ShotQualityOperation;
import dev.storycore.enhance.pipeline.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/**
 * The quality options of {@code enhance}; builds the quality stage, which runs first (before style
 * and upscaling), with corrections decided per shot for videos.
 */
final class QualityOptions implements AutoCloseable {
    @Option(names = "--auto-quality", description = "Measure quality and apply the corrections that help (do no harm: a clean picture is left alone).")
    boolean auto;

    @Option(names = "--denoise", arity = "0..1", fallbackValue = "auto", paramLabel = "LEVEL",
            description = "Non-local means denoising; LEVEL = noise sigma in 8-bit levels (default: estimated from the picture).")
    String denoise;

    @Option(names = "--sharpen", arity = "0..1", fallbackValue = "auto", paramLabel = "AMOUNT",
            description = "Unsharp mask on luma, thresholded above the noise; AMOUNT e.g. 0.5-2 (default: from the measured blur).")
    String sharpen;

    @Option(names = "--color-correct", description = "White balance from the grey-edge illuminant estimate.")
    boolean colorCorrect;

    @Option(names = "--contrast", arity = "0..1", fallbackValue = "auto", paramLabel = "AMOUNT",
            description = "Levels stretch plus CLAHE on lightness; AMOUNT = CLAHE share 0-1 (default: from the measured spread).")
    String contrast;

    private final List<ShotQualityOperation> opened = new ArrayList<>();

    boolean requested() {
        return auto || denoise != null || sharpen != null || colorCorrect || contrast != null;
    }

    /** Short tag for default output names. */
    String tag() {
        return "quality";
    }

    /** The stage adder for {@link Enhancer#before}; validates the levels now. */
    BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> stages() {
        QualityRequest request = QualityRequest.none().withAutomatic(auto);
        if (denoise != null) {
            request = request.with(CorrectionType.DENOISE, level("--denoise", denoise, 0.5, 60));
        }
        if (sharpen != null) {
            request = request.with(CorrectionType.SHARPEN, level("--sharpen", sharpen, 0.05, 5));
        }
        if (colorCorrect) {
            request = request.with(CorrectionType.WHITE_BALANCE, Double.NaN);
        }
        if (contrast != null) {
            request = request.with(CorrectionType.CONTRAST, level("--contrast", contrast, 0, 1));
        }
        QualityRequest fixed = request;
        return (b, video) -> {
            ShotQualityOperation op = ShotQualityOperation.create(fixed);
            opened.add(op);
            return b.then(op);
        };
    }

    private static double level(String option, String text, double min, double max) {
        if (text.equalsIgnoreCase("auto")) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(String.format(Locale.ROOT, "%s: '%s' is not a level from %s to %s (or 'auto')",
                option, text, min, max));
    }

    @Override
    public void close() {
        opened.forEach(ShotQualityOperation::close);
        opened.clear();
    }
}
