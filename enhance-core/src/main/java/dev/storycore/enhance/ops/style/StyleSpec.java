package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a style is and what it accepts: the algorithm behind it, the paper it follows and its own controls.
 *
 * @param style     which style
 * @param summary   one line for listings
 * @param algorithm the rendering algorithm in a few words
 * @param citation  the publication the algorithm follows
 * @param controls  the style's own parameters (the common ones are in {@link #COMMON})
 */
public record StyleSpec(Style style, String summary, String algorithm, String citation, List<ParamSpec> controls) {
    /** Parameters every style accepts. */
    public static final List<ParamSpec> COMMON = List.of(
            ParamSpec.number("strength", 0, 1, 1, "0 returns the input unchanged, 1 the full style"),
            ParamSpec.flag("preserve_colors", false, "keep the input's colours (CIELAB chroma), take lightness from the style"),
            ParamSpec.number("preserve_structure", 0, 1, 0, "put back this much of the input's fine detail"),
            ParamSpec.integer("seed", 0, Integer.MAX_VALUE, 1, "seed for random choices; same seed, same picture"));

    public StyleSpec {
        controls = List.copyOf(controls);
    }

    /** The controls with defaults filled in, after checking every given value; unknown names are refused. */
    Controls resolve(Map<String, Double> given) {
        Map<String, ParamSpec> byName = controls.stream().collect(Collectors.toMap(ParamSpec::name, p -> p));
        Map<String, Double> values = new HashMap<>();
        for (ParamSpec p : controls) {
            values.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, Double> e : given.entrySet()) {
            ParamSpec p = byName.get(e.getKey());
            if (p == null) {
                throw new InvalidInputException("style " + style.id() + " has no parameter '" + e.getKey() + "': it accepts "
                        + (controls.isEmpty() ? "none besides the common ones"
                        : controls.stream().map(ParamSpec::name).collect(Collectors.joining(", "))));
            }
            values.put(p.name(), p.validate("style " + style.id(), e.getValue()));
        }
        return new Controls(values);
    }
}
