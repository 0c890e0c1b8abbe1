package dev.storycore.enhance.ops.style;

import java.util.Map;

/** A style's validated control values, defaults filled in. */
final class Controls {
    private final Map<String, Double> values;

    Controls(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no control '" + name + "' (renderer and spec disagree)");
        }
        return v;
    }

    int integer(String name) {
        return (int) Math.round(get(name));
    }

    boolean flag(String name) {
        return get(name) >= 0.5;
    }
}
