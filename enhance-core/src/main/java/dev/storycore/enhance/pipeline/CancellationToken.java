package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.errors.CancelledException;

/**
 * Lets one thread ask work running on other threads to stop. The work checks the token between
 * frames, so a cancelled run stops after the frame each stage is busy with. A token cannot be reset.
 */
public final class CancellationToken {
    /** A token that is never cancelled, for callers that do not need to stop a run. */
    public static final CancellationToken NONE = new CancellationToken();

    private volatile String reason;

    /** Asks the work to stop; the first reason given is kept. */
    public void cancel(String why) {
        if (this == NONE) {
            throw new IllegalStateException("CancellationToken.NONE cannot be cancelled; create a token");
        }
        synchronized (this) {
            if (reason == null) {
                reason = why == null || why.isBlank() ? "cancelled" : why;
            }
        }
    }

    public void cancel() {
        cancel("cancelled on request");
    }

    public boolean isCancelled() {
        return reason != null;
    }

    /** @throws CancelledException when {@link #cancel} has been called */
    public void throwIfCancelled() {
        String why = reason;
        if (why != null) {
            throw new CancelledException("stopped: " + why);
        }
    }
}
