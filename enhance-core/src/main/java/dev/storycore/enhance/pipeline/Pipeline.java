package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.FrameSource;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.WindowOperation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Source → operations → sink, each stage on its own thread, joined by small bounded queues so that
 * decoding, the operations and encoding overlap while memory stays bounded (a stage that runs ahead
 * waits for room: backpressure).
 *
 * <p>Ownership: {@link #run} closes the source and the sink, whether it succeeds or fails; the
 * operations stay open and belong to the caller (so a loaded model can serve many runs). Every
 * frame is owned by exactly one stage or queue at a time and is closed once it has been passed on.
 *
 * <p>Failure: the first exception in any stage stops all stages (each notices between frames),
 * every queued frame is closed, the sink is closed without {@code finish()} (discarding its output)
 * and that first exception is thrown from {@link #run}. Cancellation through the
 * {@link CancellationToken} works the same way and throws
 * {@link dev.storycore.enhance.errors.CancelledException}.
 *
 * <p>Progress events are sent after each written frame from the encode thread; their {@code stage}
 * is the stage that has been busiest so far (the current bottleneck).
 */
public final class Pipeline {
    /** Frames each queue holds: enough to smooth out jitter, few enough to keep memory flat. */
    public static final int DEFAULT_QUEUE_CAPACITY = 3;

    final FrameSource source;
    final List<Step> steps;
    final int queueCapacity;
    final ProgressListener progress;
    final CancellationToken cancellation;
    private final AtomicBoolean started = new AtomicBoolean();

    private Pipeline(Builder b) {
        this.source = b.source;
        this.steps = List.copyOf(b.steps);
        this.queueCapacity = b.queueCapacity;
        this.progress = b.progress;
        this.cancellation = b.cancellation;
    }

    /** Starts a pipeline reading from {@code source}; {@link #run} will close it. */
    public static Builder from(FrameSource source) {
        return new Builder(source);
    }

    /**
     * What the sink will receive: the source's size, rate and frame count carried through every
     * operation's declarations. Known before anything is decoded.
     */
    public StreamInfo outputInfo() {
        StreamInfo in = source.info();
        if (in.width() <= 0 || in.height() <= 0) {
            throw new InvalidInputException("input has no picture size (" + in.width() + "x" + in.height()
                    + "): it holds no video or image stream");
        }
        Size size = new Size(in.width(), in.height());
        long count = in.frameCount();
        Rational rate = in.frameRate();
        for (Step step : steps) {
            size = Objects.requireNonNull(step.outputSize(size), () -> step.id() + " declared no output size");
            count = step.outputFrameCount(count);
            rate = step.outputFrameRate(rate);
        }
        return new StreamInfo(size.width(), size.height(), rate, count, in.durationMicros(), in.hasAudio());
    }

    /** Stage names in order: "decode", each operation's id (made unique), "encode". */
    public List<String> stageNames() {
        List<String> names = new ArrayList<>();
        names.add("decode");
        for (Step step : steps) {
            String name = step.id();
            int n = 2;
            while (names.contains(name)) {
                name = step.id() + "#" + n++;
            }
            names.add(name);
        }
        names.add("encode");
        return names;
    }

    /**
     * Runs the pipeline to the end; a pipeline runs once.
     *
     * @param sinks opens the output once {@link #outputInfo()} is known
     * @return frame counts, wall time and per-stage timings
     * @throws dev.storycore.enhance.errors.EnhanceException (or any exception a stage threw) on failure
     */
    public PipelineResult run(SinkOpener sinks) {
        Objects.requireNonNull(sinks, "sinks");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a pipeline runs once; build a new one for another run");
        }
        return new PipelineRun(this).execute(sinks);
    }

    public static final class Builder {
        private final FrameSource source;
        private final List<Step> steps = new ArrayList<>();
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private ProgressListener progress = ProgressListener.NONE;
        private CancellationToken cancellation = CancellationToken.NONE;

        private Builder(FrameSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** Adds a one-frame-in, one-frame-out stage. */
        public Builder then(FrameOperation op) {
            steps.add(Step.of(Objects.requireNonNull(op, "op")));
            return this;
        }

        /** Adds a stage that needs neighbouring frames. */
        public Builder then(WindowOperation op) {
            steps.add(Step.of(Objects.requireNonNull(op, "op")));
            return this;
        }

        /** Frames each queue between two stages may hold (at least 1). */
        public Builder queueCapacity(int frames) {
            if (frames < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, got " + frames);
            }
            this.queueCapacity = frames;
            return this;
        }

        public Builder onProgress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder cancellation(CancellationToken token) {
            this.cancellation = Objects.requireNonNull(token, "token");
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
