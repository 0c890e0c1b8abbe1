package dev.storycore.enhance.ops;

import dev.storycore.enhance.frame.Frame;

/**
 * One frame in, one frame out (super-resolution, style, quality corrections). The input stays owned
 * by the caller; the returned frame is new and owned by the caller too.
 */
public interface FrameOperation extends AutoCloseable {
    /** Short id, e.g. "upscale". */
    String id();

    /** Output size for an input of the given size; known before the encoder opens. */
    Size outputSize(Size input);

    Frame apply(Frame input);

    /** Releases models or buffers this operation holds. */
    @Override
    default void close() {
    }
}
