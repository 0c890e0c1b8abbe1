package dev.storycore.enhance.testing;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.frame.Frame;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Makes frames whose pictures count how often they are released, so a test can check that every
 * frame a run created was closed exactly once (no leak, no double free), also after failures.
 */
public final class TrackedFrames {
    private final List<CountingMat> mats = new CopyOnWriteArrayList<>();

    /** A BGR frame of the given size filled with {@code value} in every channel. */
    public Frame frame(long index, int width, int height, int value) {
        CountingMat mat = new CountingMat(height, width, CV_8UC3, new Scalar(value, value, value, 0));
        mats.add(mat);
        return new Frame(mat, index, index * 40_000L);
    }

    /** A tracked frame with the same position in the stream as {@code like}, of the given size. */
    public Frame frameLike(Frame like, int width, int height) {
        CountingMat mat = new CountingMat(height, width, CV_8UC3, new Scalar(0, 0, 0, 0));
        mats.add(mat);
        return like.withImage(mat);
    }

    public int created() {
        return mats.size();
    }

    /** Frames not yet closed. */
    public long open() {
        return mats.stream().filter(m -> m.closes.get() == 0).count();
    }

    /** Frames closed more than once. */
    public long closedTwice() {
        return mats.stream().filter(m -> m.closes.get() > 1).count();
    }

    /** True when every frame created so far was closed exactly once. */
    public boolean allClosedExactlyOnce() {
        return mats.stream().allMatch(m -> m.closes.get() == 1);
    }

    @Override
    public String toString() {
        return created() + " frames created, " + open() + " still open, " + closedTwice() + " closed twice";
    }

    private static final class CountingMat extends Mat {
        final AtomicInteger closes = new AtomicInteger();

        CountingMat(int rows, int cols, int type, Scalar value) {
            super(rows, cols, type, value);
        }

        @Override
        public void close() {
            closes.incrementAndGet();
            super.close();
        }
    }
}
