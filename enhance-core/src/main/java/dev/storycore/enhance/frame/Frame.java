package dev.storycore.enhance.frame;

import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One picture: an OpenCV {@link Mat} in BGR (3 channels), BGRA (4) or grey (1), 8 or 16 bits per
 * channel, plus its position in a stream. A Frame owns its Mat: closing the frame releases the
 * native memory, and whoever holds the frame must close it exactly once.
 */
public final class Frame implements AutoCloseable {
    /** Timestamp value for pictures that are not part of a timed stream. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final Mat image;
    private final long index;
    private final long timestampMicros;
    private boolean closed;

    public Frame(Mat image, long index, long timestampMicros) {
        this.image = Objects.requireNonNull(image, "image");
        if (image.empty()) {
            throw new IllegalArgumentException("a frame needs a non-empty image");
        }
        this.index = index;
        this.timestampMicros = timestampMicros;
    }

    /** A still picture (index 0, no timestamp). */
    public static Frame of(Mat image) {
        return new Frame(image, 0, NO_TIMESTAMP);
    }

    public Mat image() {
        if (closed) {
            throw new IllegalStateException("frame " + index + " is already closed");
        }
        return image;
    }

    public long index() {
        return index;
    }

    public long timestampMicros() {
        return timestampMicros;
    }

    public int width() {
        return image().cols();
    }

    public int height() {
        return image().rows();
    }

    public int channels() {
        return image().channels();
    }

    /** OpenCV depth constant (CV_8U or CV_16U). */
    public int depth() {
        return image().depth();
    }

    /** A new frame with the same position in the stream and another picture (which it then owns). */
    public Frame withImage(Mat other) {
        return new Frame(other, index, timestampMicros);
    }

    /** A deep copy that the caller owns; use it to keep a frame beyond the producer's next call. */
    public Frame copy() {
        return withImage(image().clone());
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            image.close();
        }
    }

    @Override
    public String toString() {
        return closed ? "Frame[" + index + ", closed]"
                : "Frame[" + index + ", " + image.cols() + "x" + image.rows() + "x" + image.channels() + "]";
    }
}
