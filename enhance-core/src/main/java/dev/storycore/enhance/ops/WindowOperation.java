package dev.storycore.enhance.ops;

import dev.storycore.enhance.frame.Frame;
import java.util.List;

/**
 * Needs neighbouring frames (interpolation, temporally consistent style). Frames are pushed in order;
 * each push returns the frames that are ready (possibly none, possibly several), and {@link #flush()}
 * returns what is left at the end of the stream. Pushed frames stay owned by the caller; returned
 * frames are owned by the caller too.
 */
public interface WindowOperation extends AutoCloseable {
    String id();

    Size outputSize(Size input);

    List<Frame> push(Frame input);

    List<Frame> flush();

    @Override
    default void close() {
    }
}
