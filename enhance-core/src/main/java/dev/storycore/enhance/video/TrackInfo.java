package dev.storycore.enhance.video;

/**
 * A non-video stream of a container, as carried to the output.
 *
 * @param index          the stream's index in the container
 * @param codec          FFmpeg codec name, e.g. "aac", "pcm_s16le", "subrip", "ass"
 * @param language       the language tag, or "" when none
 * @param durationMicros the stream's duration, or 0 when the container does not say
 */
public record TrackInfo(int index, String codec, String language, long durationMicros) {
}
