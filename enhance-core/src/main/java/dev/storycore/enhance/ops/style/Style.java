package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ten named styles. Each is rendered by its own non-photorealistic rendering algorithm (see {@link Styles}). */
public enum Style {
    IMPRESSIONIST("impressionist"),
    CUBIST("cubist"),
    ABSTRACT("abstract"),
    WATERCOLOR("watercolor"),
    OIL_PAINTING("oil_painting"),
    SKETCH("sketch"),
    ANIME("anime"),
    COMIC("comic"),
    MOSAIC("mosaic"),
    POINTILLISM("pointillism");

    private final String id;

    Style(String id) {
        this.id = id;
    }

    /** The name users type, e.g. {@code oil_painting}. */
    public String id() {
        return id;
    }

    /** Parses a style name (case-insensitive; '-' and ' ' count as '_'). */
    public static Style parse(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Style s : values()) {
            if (s.id.equals(key)) {
                return s;
            }
        }
        throw new InvalidInputException("unknown style '" + name + "': use one of "
                + Arrays.stream(values()).map(Style::id).collect(Collectors.joining(", "))
                + " (or --style-model FILE for a neural style)");
    }

    @Override
    public String toString() {
        return id;
    }
}
