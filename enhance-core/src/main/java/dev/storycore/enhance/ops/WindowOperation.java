package dev.storycore.enhance.ops;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
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

    /**
     * How many frames this operation returns in all for {@code inputCount} pushed frames, so progress
     * totals stay right when the count changes (interpolation doubles it); 0 in, 0 out (unknown).
     */
    default long outputFrameCount(long inputCount) {
        return inputCount;
    }

    /** The frame rate of what this operation returns, for an input at {@code inputRate}. */
    default Rational outputFrameRate(Rational inputRate) {
        return inputRate;
    }

    List<Frame> push(Frame input);

    List<Frame> flush();

    @Override
    default void close() {
    }
}
