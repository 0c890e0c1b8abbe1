package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.FrameSink;
import dev.storycore.enhance.frame.FrameSource;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.WindowOperation;
import dev.storycore.enhance.testing.TrackedFrames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;

/** Small real operations and I/O ends for pipeline tests; all frames come from a {@link TrackedFrames}. */
final class Fakes {
    private Fakes() {
    }

    static int firstByte(Frame frame) {
        return frame.image().ptr(0, 0).get() & 0xff;
    }

    /** Frames 0..count-1 of one size; frame i is filled with grey level i * 2 (mod 200). */
    static class Source implements FrameSource {
        final TrackedFrames frames;
        final int count;
        final int width;
        final int height;
        final AtomicLong read = new AtomicLong();
        volatile boolean closed;
        volatile int failAt = -1;
        volatile Runnable beforeEachRead = () -> { };

        Source(TrackedFrames frames, int count, int width, int height) {
            this.frames = frames;
            this.count = count;
            this.width = width;
            this.height = height;
        }

        @Override
        public StreamInfo info() {
            return new StreamInfo(width, height, Rational.of(25, 1), count, count * 40_000L, false);
        }

        @Override
        public Frame next() {
            beforeEachRead.run();
            long i = read.get();
            if (i == failAt) {
                throw new IllegalStateException("decoder broke at frame " + i);
            }
            if (i >= count) {
                return null;
            }
            read.incrementAndGet();
            return frames.frame(i, width, height, (int) (i * 2 % 200));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Records what it is given; discards it unless finished. */
    static final class Sink implements FrameSink {
        final StreamInfo info;
        final List<Long> indices = new CopyOnWriteArrayList<>();
        final List<Integer> firstBytes = new CopyOnWriteArrayList<>();
        volatile boolean finished;
        volatile boolean closed;
        volatile int failAt = -1;
        volatile CountDownLatch gate;

        Sink(StreamInfo info) {
            this.info = info;
        }

        boolean discarded() {
            return closed && !finished;
        }

        @Override
        public void write(Frame frame) {
            if (closed) {
                throw new IllegalStateException("write after close");
            }
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (indices.size() == failAt) {
                throw new IllegalStateException("disk full at frame " + frame.index());
            }
            indices.add(frame.index());
            firstBytes.add(firstByte(frame));
        }

        @Override
        public void finish() {
            finished = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Adds a constant to every pixel (saturating), like a brightness correction. */
    static final class Add implements FrameOperation {
        final TrackedFrames frames;
        final String id;
        final int delta;
        volatile IntFunction<RuntimeException> failure = i -> null;

        Add(TrackedFrames frames, String id, int delta) {
            this.frames = frames;
            this.id = id;
            this.delta = delta;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Size outputSize(Size input) {
            return input;
        }

        @Override
        public Frame apply(Frame input) {
            RuntimeException e = failure.apply((int) input.index());
            if (e != null) {
                throw e;
            }
            Frame out = frames.frameLike(input, input.width(), input.height());
            input.image().convertTo(out.image(), -1, 1, delta);
            return out;
        }
    }

    /** Nearest-neighbour x2 enlargement. */
    static final class Double implements FrameOperation {
        final TrackedFrames frames;

        Double(TrackedFrames frames) {
            this.frames = frames;
        }

        @Override
        public String id() {
            return "double";
        }

        @Override
        public Size outputSize(Size input) {
            return input.scaled(2);
        }

        @Override
        public Frame apply(Frame input) {
            Frame out = frames.frameLike(input, input.width() * 2, input.height() * 2);
            opencv_imgproc.resize(input.image(), out.image(), out.image().size(), 0, 0, opencv_imgproc.INTER_NEAREST);
            return out;
        }
    }

    /** Declares one size but makes another: a bug the pipeline must catch before the encoder. */
    static final class Liar implements FrameOperation {
        final TrackedFrames frames;

        Liar(TrackedFrames frames) {
            this.frames = frames;
        }

        @Override
        public String id() {
            return "liar";
        }

        @Override
        public Size outputSize(Size input) {
            return input.scaled(2);
        }

        @Override
        public Frame apply(Frame input) {
            Frame out = frames.frameLike(input, input.width(), input.height());
            input.image().copyTo(out.image());
            return out;
        }
    }

    /** Repeated Gaussian blurs: CPU work proportional to {@code rounds}, for timing tests. */
    static final class Blur implements FrameOperation {
        final TrackedFrames frames;
        final String id;
        final int rounds;

        Blur(TrackedFrames frames, String id, int rounds) {
            this.frames = frames;
            this.id = id;
            this.rounds = rounds;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Size outputSize(Size input) {
            return input;
        }

        @Override
        public Frame apply(Frame input) {
            Frame out = frames.frameLike(input, input.width(), input.height());
            input.image().copyTo(out.image());
            for (int r = 0; r < rounds; r++) {
                opencv_imgproc.GaussianBlur(out.image(), out.image(), new org.bytedeco.opencv.opencv_core.Size(9, 9), 3);
            }
            return out;
        }
    }

    /** Inserts the average of each pair of neighbours: n frames in, 2n-1 out, at twice the rate. */
    static final class Midpoints implements WindowOperation {
        final TrackedFrames frames;
        Frame previous;

        Midpoints(TrackedFrames frames) {
            this.frames = frames;
        }

        @Override
        public String id() {
            return "midpoints";
        }

        @Override
        public Size outputSize(Size input) {
            return input;
        }

        @Override
        public long outputFrameCount(long inputCount) {
            return 2 * inputCount - 1;
        }

        @Override
        public Rational outputFrameRate(Rational inputRate) {
            return Rational.of(inputRate.num() * 2, inputRate.den());
        }

        @Override
        public List<Frame> push(Frame input) {
            List<Frame> out = new ArrayList<>();
            if (previous != null) {
                Frame mid = frames.frameLike(previous, input.width(), input.height());
                opencv_core.addWeighted(previous.image(), 0.5, input.image(), 0.5, 0, mid.image());
                out.add(mid);
                previous.close();
            }
            previous = frames.frameLike(input, input.width(), input.height());
            input.image().copyTo(previous.image());
            Frame copy = frames.frameLike(input, input.width(), input.height());
            input.image().copyTo(copy.image());
            out.add(copy);
            return out;
        }

        @Override
        public List<Frame> flush() {
            close();
            return List.of();
        }

        @Override
        public void close() {
            if (previous != null) {
                previous.close();
                previous = null;
            }
        }
    }
}
