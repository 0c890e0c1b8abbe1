package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.FrameSource;
import java.util.Optional;

/**
 * A {@link FrameSource} over a file, image sequence or folder. Frames come in display order with their
 * container timestamps (microseconds from the start of the file, exact to the stream's time base), as
 * fresh Mats the caller owns.
 *
 * <p>A truncated or corrupt video is met while reading: with default {@link ReadOptions} {@link #next()}
 * then throws {@link dev.storycore.enhance.errors.InvalidInputException}; with
 * {@link ReadOptions#allowPartial()} the source ends early and {@link #damage()} explains.
 */
public interface MediaSource extends FrameSource {
    /** What probing found, including audio and subtitle streams. */
    MediaInfo media();

    /**
     * After the end of the stream: a one-line description of what could not be decoded (truncation,
     * decode errors), or empty when every frame decoded cleanly.
     */
    Optional<String> damage();
}
