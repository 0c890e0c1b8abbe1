package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.Objects;

/**
 * One adjustable parameter of a style: name, kind, valid range and default. The CLI and the HTTP API list
 * these so users can discover what each style accepts.
 *
 * @param name         the key users pass, e.g. {@code brush_size}
 * @param kind         number, whole number or yes/no (0 or 1)
 * @param min          smallest accepted value (inclusive)
 * @param max          largest accepted value (inclusive)
 * @param defaultValue the value used when none is given
 * @param description  one line saying what the parameter changes
 */
public record ParamSpec(String name, Kind kind, double min, double max, double defaultValue, String description) {
    /** How a value is interpreted. */
    public enum Kind { NUMBER, INTEGER, BOOLEAN }

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (!(min <= defaultValue && defaultValue <= max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    static ParamSpec number(String name, double min, double max, double defaultValue, String description) {
        return new ParamSpec(name, Kind.NUMBER, min, max, defaultValue, description);
    }

    static ParamSpec integer(String name, int min, int max, int defaultValue, String description) {
        return new ParamSpec(name, Kind.INTEGER, min, max, defaultValue, description);
    }

    static ParamSpec flag(String name, boolean defaultValue, String description) {
        return new ParamSpec(name, Kind.BOOLEAN, 0, 1, defaultValue ? 1 : 0, description);
    }

    /** Returns the value if it is valid for this parameter, otherwise throws a message naming the valid range. */
    public double validate(String owner, double value) {
        boolean ok = !Double.isNaN(value) && value >= min && value <= max
                && (kind == Kind.NUMBER || value == Math.rint(value));
        if (!ok) {
            throw new InvalidInputException(owner + ": parameter '" + name + "' must be " + rangeText() + ", got " + value);
        }
        return value;
    }

    /** "a number from 0 to 1", "a whole number from 2 to 64", "0 or 1". */
    public String rangeText() {
        return switch (kind) {
            case BOOLEAN -> "0 or 1";
            case INTEGER -> "a whole number from " + (long) min + " to " + (long) max;
            case NUMBER -> "a number from " + format(min) + " to " + format(max);
        };
    }

    public String defaultText() {
        return kind == Kind.NUMBER ? format(defaultValue) : Long.toString((long) defaultValue);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
