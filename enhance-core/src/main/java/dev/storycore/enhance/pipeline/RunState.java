package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.errors.CancelledException;
import java.util.concurrent.atomic.AtomicReference;

/** Shared by all stages of one run: the first failure, and whether everybody should stop. */
final class RunState {
    /** Thrown inside a stage to unwind it quietly because another stage already failed. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("pipeline stopped", null, false, false);
        }
    }

    private final CancellationToken cancellation;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;

    RunState(CancellationToken cancellation) {
        this.cancellation = cancellation;
    }

    /** Records the failure if it is the first, and tells every stage to stop. */
    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stopped = true;
    }

    /** Whether the run must stop: a stage failed, or cancellation was requested (which then counts as the failure). */
    boolean shouldStop() {
        if (!stopped && cancellation.isCancelled()) {
            try {
                cancellation.throwIfCancelled();
            } catch (CancelledException e) {
                fail(e);
            }
        }
        return stopped;
    }

    /** Called between frames: unwinds the calling stage when the run must stop. */
    void checkBetweenFrames() {
        if (shouldStop()) {
            throw new Stopped();
        }
    }

    Throwable failure() {
        return failure.get();
    }
}
