package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.ops.WindowOperation;

/**
 * A temporally consistent style over a sequence of frames. Each pushed frame returns its stylized frame
 * at once (no look-ahead), so the stream also serves a live preview, where the style can be changed
 * mid-sequence with a cross-fade.
 */
public interface StyleStream extends WindowOperation {
    /**
     * Switches to another named style (or other parameters) from the next frame on, cross-fading from the
     * current look over {@code fadeFrames} frames (0 = cut).
     *
     * @param reference palette of a reference painting for the new style, or {@code null}
     */
    void switchTo(Style style, StyleParams params, StyleReference reference, int fadeFrames);
}
