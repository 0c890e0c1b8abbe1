package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.FrameSink;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@link FrameSink} writing a file, an image sequence or a single image. Nothing appears under the final
 * name until {@link #finish()} succeeds; {@link #close()} without finish deletes what was written.
 */
public interface MediaSink extends FrameSink {
    /** The final output path (a file, or the pattern of an image sequence). */
    Path output();

    /** The FFmpeg encoder really opened ("libopenh264", "libvpx-vp9", "ffv1", ...), or the image format. */
    String encoder();

    long framesWritten();

    /**
     * Things the user should know that did not stop the work: a stream the container cannot hold and that was
     * left out, alpha dropped by a codec without alpha, frames re-timed because their timestamps collided.
     */
    List<String> warnings();
}
