package dev.storycore.enhance.ops.quality;

/**
 * A look that is probably deliberate. The automatic mode does not "fix" a trait the picture has
 * unless the caller asks for that correction explicitly.
 */
public enum StyleTrait {
    /**
     * Hardly any colour (colourfulness below 12 on Hasler and Suesstrunk's scale: black and white,
     * bleach bypass) or a single hue (CIELAB chroma spread below 7: sepia, cyanotype).
     */
    DESATURATED,
    /**
     * Hard tonal look: both ends of the range reached (1st percentile at most 5, 99th at least 250),
     * RMS contrast at least 0.20 and at least 6% of pixels crushed or blown.
     */
    HIGH_CONTRAST
}
