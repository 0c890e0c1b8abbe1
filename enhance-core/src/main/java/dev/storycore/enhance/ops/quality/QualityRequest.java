package dev.storycore.enhance.ops.quality;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a caller wants from the quality stage: the automatic mode, and/or explicit corrections, each
 * with an optional level (NaN = derive it from the measurements). Levels: denoise = noise sigma in
 * 8-bit levels; sharpen = unsharp-mask amount; contrast = CLAHE mix in (0,1]; colour = unused.
 * Explicit corrections are applied even where the analyser sees no problem (the user asked), but
 * never to a picture's deliberate look unless asked by name.
 *
 * @param automatic whether the automatic mode runs
 * @param explicit  corrections asked for by name, with their levels
 */
public record QualityRequest(boolean automatic, Map<CorrectionType, Double> explicit) {
    public QualityRequest {
        EnumMap<CorrectionType, Double> copy = new EnumMap<>(CorrectionType.class);
        copy.putAll(Objects.requireNonNull(explicit, "explicit"));
        explicit = Collections.unmodifiableMap(copy);
    }

    public static QualityRequest auto() {
        return new QualityRequest(true, Map.of());
    }

    public static QualityRequest none() {
        return new QualityRequest(false, Map.of());
    }

    /** Adds an explicit correction; {@code level} NaN = from the measurements. */
    public QualityRequest with(CorrectionType type, double level) {
        EnumMap<CorrectionType, Double> copy = new EnumMap<>(CorrectionType.class);
        copy.putAll(explicit);
        copy.put(type, level);
        return new QualityRequest(automatic, copy);
    }

    public QualityRequest withAutomatic(boolean on) {
        return new QualityRequest(on, explicit);
    }

    public boolean isEmpty() {
        return !automatic && explicit.isEmpty();
    }
}
