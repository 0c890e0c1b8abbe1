package dev.storycore.enhance.frame;

/**
 * Consumes frames. Output goes to a temporary place until {@link #finish()} succeeds; closing a
 * sink that was not finished discards everything it wrote, so a partial output is never left
 * looking complete.
 */
public interface FrameSink extends AutoCloseable {
    /** Writes one frame; the sink does not take ownership (the caller still closes it). */
    void write(Frame frame);

    /** Flushes, closes the output and moves it to its final name. */
    void finish();

    /** Releases resources; deletes the temporary output unless {@link #finish()} succeeded. */
    @Override
    void close();
}
