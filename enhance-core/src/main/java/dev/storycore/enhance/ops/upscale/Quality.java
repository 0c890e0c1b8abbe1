package dev.storycore.enhance.ops.upscale;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user asks for instead of naming a model. Each level maps to a real choice: preview is
 * bicubic interpolation; the others pick the largest network of that level that is fetched, and
 * fall back to smaller ones, then to Lanczos.
 */
public enum Quality {
    /** OpenCV bicubic interpolation: instant, no model. */
    PREVIEW(List.of()),
    /** The fastest network (UpscalerJS esrgan-slim). */
    STANDARD(List.of("slim")),
    /** A mid-size network (esrgan-medium), else slim. */
    HIGH(List.of("medium", "slim")),
    /** The largest network (esrgan-thick), else medium, else slim. */
    MAXIMUM(List.of("thick", "medium", "slim"));

    private final List<String> families;

    Quality(List<String> families) {
        this.families = families;
    }

    /** ESRGAN family names to try, best first; empty for {@link #PREVIEW}. */
    List<String> families() {
        return families;
    }

    /** Parses "preview", "standard", "high" or "maximum" (any case). */
    public static Quality parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quality: unknown level '" + text + "'; use one of "
                    + Arrays.stream(values()).map(q -> q.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }
}
