package dev.storycore.enhance.frame;

/** Produces frames in display order; each returned frame belongs to the caller. */
public interface FrameSource extends AutoCloseable {
    /** Facts known before reading (size, rate, count when known). */
    StreamInfo info();

    /** The next frame, or {@code null} at the end of the stream. The caller owns and closes it. */
    Frame next();

    @Override
    void close();
}
