package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How strongly and in what way a style is applied. Per-style controls are checked against the style's
 * {@link StyleSpec} when the operation is created, so a bad value fails before any frame is read.
 *
 * @param strength          0 returns the input unchanged, 1 the full style; values between blend the two
 * @param preserveColors    keep the input's chroma (CIELAB a*, b*) and take only lightness from the style
 * @param preserveStructure 0 to 1: how much of the input's fine detail (lightness high frequencies) is put back
 * @param seed              seed for every random choice (stroke jitter, point placement); same seed, same output
 * @param controls          per-style parameters by name (see {@link StyleSpec#controls()}); missing ones take defaults
 */
public record StyleParams(double strength, boolean preserveColors, double preserveStructure, long seed,
                          Map<String, Double> controls) {
    public static final long DEFAULT_SEED = 1L;

    public StyleParams {
        if (!(strength >= 0 && strength <= 1)) {
            throw new InvalidInputException("style strength must be a number from 0 to 1, got " + strength);
        }
        if (!(preserveStructure >= 0 && preserveStructure <= 1)) {
            throw new InvalidInputException("preserve_structure must be a number from 0 to 1, got " + preserveStructure);
        }
        controls = Map.copyOf(controls == null ? Map.of() : controls);
    }

    /** Full strength, original style colours, default controls, seed 1. */
    public static StyleParams defaults() {
        return new StyleParams(1.0, false, 0.0, DEFAULT_SEED, Map.of());
    }

    public StyleParams withStrength(double s) {
        return new StyleParams(s, preserveColors, preserveStructure, seed, controls);
    }

    public StyleParams withPreserveColors(boolean p) {
        return new StyleParams(strength, p, preserveStructure, seed, controls);
    }

    public StyleParams withPreserveStructure(double p) {
        return new StyleParams(strength, preserveColors, p, seed, controls);
    }

    public StyleParams withSeed(long s) {
        return new StyleParams(strength, preserveColors, preserveStructure, s, controls);
    }

    public StyleParams with(String control, double value) {
        Map<String, Double> m = new TreeMap<>(controls);
        m.put(control, value);
        return new StyleParams(strength, preserveColors, preserveStructure, seed, m);
    }
}
