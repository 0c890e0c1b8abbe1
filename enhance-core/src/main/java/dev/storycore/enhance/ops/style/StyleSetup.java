package dev.storycore.enhance.ops.style;

import java.util.Optional;

/**
 * A resolved style: the renderer, its validated controls and the common parameters. Made by {@link Styles}.
 *
 * @param name      style id for messages and operation ids
 * @param renderer  the rendering algorithm
 * @param controls  validated per-style controls
 * @param params    strength, colour and structure options, seed
 * @param reference palette and tone of a reference image, if any
 */
record StyleSetup(String name, StyleRenderer renderer, Controls controls, StyleParams params,
                  Optional<StyleReference> reference) {

    RenderContext context(AnchorSource anchors) {
        return new RenderContext(controls, params.seed(), reference, anchors);
    }
}
