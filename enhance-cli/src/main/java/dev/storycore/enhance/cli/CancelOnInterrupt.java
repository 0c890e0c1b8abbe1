package dev.storycore.enhance.cli;

import dev.storycore.enhance.pipeline.CancellationToken;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT/SIGTERM) into a cancellation and holds the JVM's exit until the work has
 * cleaned up, so a partial output is deleted rather than left behind.
 */
final class CancelOnInterrupt implements AutoCloseable {
    private static final long CLEANUP_SECONDS = 10;

    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;

    CancelOnInterrupt(CancellationToken token) {
        this.hook = new Thread(() -> {
            token.cancel("interrupted (Ctrl-C)");
            try {
                cleanedUp.await(CLEANUP_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "storycore-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it now sees the latch released
        }
    }
}
