package dev.storycore.enhance.pipeline;

import java.time.Duration;

/** Counts one stage's frames and time. Written by the stage's thread only; read by others for progress. */
final class StageMeter {
    private final String name;
    private volatile long framesIn;
    private volatile long framesOut;
    private volatile long busyNanos;
    private volatile long starvedNanos;
    private volatile long blockedNanos;

    StageMeter(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    long busyNanos() {
        return busyNanos;
    }

    void received() {
        framesIn++;
    }

    void passedOn() {
        framesOut++;
    }

    void busy(long nanos) {
        busyNanos += nanos;
    }

    void starved(long nanos) {
        starvedNanos += nanos;
    }

    void blocked(long nanos) {
        blockedNanos += nanos;
    }

    StageTiming timing() {
        return new StageTiming(name, framesIn, framesOut, Duration.ofNanos(busyNanos),
                Duration.ofNanos(starvedNanos), Duration.ofNanos(blockedNanos));
    }
}
