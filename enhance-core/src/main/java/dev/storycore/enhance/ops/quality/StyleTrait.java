package dev.storycore.enhance.ops.quality;

/**
 * A look that is probably deliberate. The automatic mode does not "fix" a trait the picture has
 * unless the caller asks for that correction explicitly.
 */
public enum StyleTrait {
    /** Hardly any colour (colourfulness below 12 on Hasler and Suesstrunk's scale): black and white, bleach bypass, tinted monochrome. */
    DESATURATED,
    /** Hard tonal look: RMS contrast at least 0.28 with at least 8% of pixels crushed or blown. */
    HIGH_CONTRAST
}
