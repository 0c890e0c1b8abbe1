package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MediaReader#probe} learned about an input without decoding its pictures.
 *
 * @param path        the input as given (a file, a folder, or a {@code %d} pattern)
 * @param kind        video, still image or image sequence
 * @param video       size, exact frame rate, frame count and duration (0 when unknown); for video files the
 *                    rate is the container's average rate, e.g. 24000/1001
 * @param container   FFmpeg demuxer name ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "image2", ...)
 * @param videoCodec  FFmpeg codec name of the pictures ("h264", "png", ...)
 * @param channels    channels of the frames the source will produce: 3 (BGR), 4 (BGRA) or 1 (grey)
 * @param bitDepth    bits per channel of the frames the source will produce: 8 or 16
 * @param timeBase    the video stream's time base (Rational.ZERO for image inputs)
 * @param audio       audio streams, in container order (empty when none)
 * @param subtitles   subtitle streams, in container order (empty when none)
 */
public record MediaInfo(Path path, MediaKind kind, StreamInfo video, String container, String videoCodec,
                        int channels, int bitDepth, Rational timeBase, List<TrackInfo> audio,
                        List<TrackInfo> subtitles) {
    public MediaInfo {
        audio = List.copyOf(audio);
        subtitles = List.copyOf(subtitles);
    }

    public boolean hasAudio() {
        return !audio.isEmpty();
    }

    public boolean hasSubtitles() {
        return !subtitles.isEmpty();
    }

    /** Whether the input is one timed video file (so that audio and subtitles may be carried over). */
    public boolean isVideo() {
        return kind == MediaKind.VIDEO;
    }
}
