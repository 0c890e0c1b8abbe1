package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.ops.interpolate.CutPolicy;
import dev.storycore.enhance.ops.interpolate.FrameRateConverter;
import dev.storycore.enhance.ops.interpolate.InterpolationMethod;
import dev.storycore.enhance.ops.interpolate.InterpolationQuality;
import dev.storycore.enhance.ops.interpolate.InterpolationSettings;
import dev.storycore.enhance.ops.interpolate.Interpolator;
import dev.storycore.enhance.ops.interpolate.RateConversion;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The frame-rate options of {@code enhance}; builds the interpolation stage for a video. */
final class RateOptions implements AutoCloseable {
    @Option(names = "--fps", paramLabel = "RATE",
            description = "Convert to this frame rate: 60, 59.94 or 60000/1001; down-conversion too (30 -> 24).")
    String fps;

    @Option(names = "--interpolate", paramLabel = "N", description = "Make N frames of every input frame (the rate times N).")
    Integer multiplier;

    @Option(names = "--slowmo", paramLabel = "N",
            description = "Slow motion: the video lasts N times longer at the same rate (or --fps); the audio is left"
                    + " out unless --keep-audio.")
    String slowmo;

    @Option(names = "--keep-audio", description = "With --slowmo: copy the audio unchanged (it will end early).")
    boolean keepAudio;

    @Option(names = "--interpolation-quality", paramLabel = "LEVEL", defaultValue = "standard",
            description = "preview, standard, high or maximum (default: ${DEFAULT-VALUE}); see docs/interpolation.md.")
    String quality;

    @Option(names = "--interpolation-model", paramLabel = "FILE|ID",
            description = "An ONNX interpolation network taking (frame0, frame1, t), by path or catalog id.")
    String model;

    @Option(names = "--cut-policy", paramLabel = "POLICY", defaultValue = "nearest",
            description = "At a scene cut show the nearest, previous or next frame (default: ${DEFAULT-VALUE});"
                    + " frames are never blended across a cut.")
    String cutPolicy;

    private Interpolator interpolator;
    private FrameRateConverter converter;

    boolean requested() {
        return fps != null || multiplier != null || slowmo != null;
    }

    /** Validates the options now, before any work. */
    RateConversion conversion() {
        if (fps != null && multiplier != null) {
            throw new InvalidInputException("give either --fps or --interpolate, not both");
        }
        if (keepAudio && slowmo == null) {
            throw new InvalidInputException("--keep-audio only applies to --slowmo (plain rate conversion keeps the audio)");
        }
        RateConversion c = fps != null ? RateConversion.toRate(rate(fps, "--fps"))
                : multiplier != null ? RateConversion.multiply(multiplier) : RateConversion.multiply(1);
        return slowmo == null ? c : c.withSlowdown(rate(slowmo, "--slowmo"));
    }

    boolean dropsAudio() {
        return slowmo != null && !keepAudio;
    }

    /** Short tag for default output names, e.g. "60fps", "x2fps" or "slowmo4". */
    String tag() {
        StringBuilder sb = new StringBuilder();
        if (fps != null) {
            sb.append(fps.replace('/', '_')).append("fps");
        } else if (multiplier != null) {
            sb.append('x').append(multiplier).append("fps");
        }
        if (slowmo != null) {
            sb.append(sb.length() > 0 ? "." : "").append("slowmo").append(slowmo.replace('/', '_'));
        }
        return sb.toString();
    }

    /** The stage for a video at {@code inputRate}; it stays open until {@link #close()}. */
    FrameRateConverter stage(Rational inputRate, CatalogModelLoader models) {
        InterpolationSettings settings;
        try {
            settings = InterpolationSettings.defaults().withQuality(InterpolationQuality.parse(quality))
                    .withCutPolicy(CutPolicy.parse(cutPolicy));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        RateConversion c = conversion();
        interpolator = model == null ? Interpolator.classical(settings) : Interpolator.neural(model, models, settings);
        converter = FrameRateConverter.create(c, inputRate, interpolator);
        return converter;
    }

    /** One line about what the conversion did, or null before it ran. */
    String report() {
        if (converter == null) {
            return null;
        }
        FrameRateConverter.Summary s = converter.summary();
        Map<InterpolationMethod, Long> m = s.methods();
        String methods = m.isEmpty() ? "none" : m.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue()).collect(Collectors.joining(", "));
        return "interpolation: " + s.inputFrames() + " -> " + s.outputFrames() + " frames at " + converter.outputRate()
                + " fps; " + s.interpolatedFrames() + " synthesized; pairs: " + methods + "; scene cuts: " + s.sceneCuts();
    }

    private static Rational rate(String text, String option) {
        try {
            Rational r = Rational.parse(text);
            if (r.num() <= 0) {
                throw new IllegalArgumentException("must be positive");
            }
            return r;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(option + " " + text + ": not a positive number (use e.g. 60, 59.94 or"
                    + " 60000/1001)", e);
        }
    }

    @Override
    public void close() {
        if (converter != null) {
            converter.close();
        }
        if (interpolator != null) {
            interpolator.close();
        }
    }
}
