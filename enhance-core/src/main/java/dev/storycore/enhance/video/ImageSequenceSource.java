package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Frames from still image files (one file, a numbered sequence or a folder), decoded one at a time with
 * {@link Images}. Timestamps follow {@link ReadOptions#sequenceFrameRate()}; pictures keep their own size,
 * channels and depth.
 */
final class ImageSequenceSource implements MediaSource {
    private final List<Path> files;
    private final MediaInfo info;
    private final long maxPixels;
    private int position;
    private boolean closed;

    ImageSequenceSource(List<Path> files, MediaInfo info, long maxPixels) {
        this.files = List.copyOf(files);
        this.info = info;
        this.maxPixels = maxPixels;
    }

    @Override
    public StreamInfo info() {
        return info.video();
    }

    @Override
    public MediaInfo media() {
        return info;
    }

    /** The file the next call to {@link #next()} will read, or null at the end. */
    Path nextFile() {
        return position < files.size() ? files.get(position) : null;
    }

    @Override
    public Frame next() {
        if (closed) {
            throw new IllegalStateException("the source is closed");
        }
        if (position >= files.size()) {
            return null;
        }
        Path file = files.get(position);
        long index = position++;
        Rational rate = info.video().frameRate();
        long micros = info.kind() == MediaKind.IMAGE || rate.isZero() ? Frame.NO_TIMESTAMP
                : Math.round(index * 1e6 * rate.den() / rate.num());
        return new Frame(Images.decode(file, maxPixels), index, micros);
    }

    @Override
    public Optional<String> damage() {
        return Optional.empty();
    }

    @Override
    public void close() {
        closed = true;
    }
}
