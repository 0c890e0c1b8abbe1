package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.frame.Frame;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded queue between two stages. A full queue blocks the producer (backpressure), so a fast
 * decoder never runs far ahead of a slow model. Waits wake up regularly to notice a stopped run.
 * A frame in the queue is owned by the queue until taken.
 */
final class Handoff {
    private static final Object END = new Object();
    private static final long WAKE_MILLIS = 20;

    private final BlockingQueue<Object> queue;
    private final RunState state;

    Handoff(int capacity, RunState state) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.state = state;
    }

    /** Hands the frame over; on {@link RunState.Stopped} the caller still owns it. */
    void put(Frame frame) {
        offer(frame);
    }

    void putEnd() {
        offer(END);
    }

    /** The next frame, now owned by the caller, or {@code null} at the end of the stream. */
    Frame take() {
        try {
            while (true) {
                state.checkBetweenFrames();
                Object item = queue.poll(WAKE_MILLIS, TimeUnit.MILLISECONDS);
                if (item == END) {
                    return null;
                }
                if (item != null) {
                    return (Frame) item;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunState.Stopped();
        }
    }

    /** Closes whatever is still queued; only once no stage uses the queue any more. */
    void drainAndClose() {
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Frame frame) {
                frame.close();
            }
        }
    }

    private void offer(Object item) {
        try {
            while (true) {
                state.checkBetweenFrames();
                if (queue.offer(item, WAKE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunState.Stopped();
        }
    }
}
