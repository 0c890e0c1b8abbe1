package dev.storycore.enhance.ops.style;

import java.util.Optional;

/**
 * Everything a renderer needs besides the picture.
 *
 * @param controls  the style's validated controls
 * @param seed      seed for random choices
 * @param reference palette and tone statistics of a reference image, if one was given
 * @param anchors   where stroke, dot and facet positions come from
 */
record RenderContext(Controls controls, long seed, Optional<StyleReference> reference, AnchorSource anchors) {
}
