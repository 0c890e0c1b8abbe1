package dev.storycore.enhance.pipeline;

import java.time.Duration;

/**
 * Where one stage spent its time during a run.
 *
 * @param name        "decode", the operation's id, or "encode"
 * @param framesIn    frames the stage received (for decode: frames it read)
 * @param framesOut   frames it passed on (for encode: frames it wrote)
 * @param busy        time spent doing the stage's own work (reading, the operation, writing)
 * @param starved     time spent waiting for the stage before it
 * @param blocked     time spent waiting for room in the queue to the stage after it (backpressure)
 */
public record StageTiming(String name, long framesIn, long framesOut, Duration busy, Duration starved,
                          Duration blocked) {
    /** Frames per second this stage could sustain on its own (frames handled / busy time); 0 when idle. */
    public double busyFps() {
        long frames = Math.max(framesIn, framesOut);
        double seconds = busy.toNanos() / 1e9;
        return seconds <= 0 ? 0 : frames / seconds;
    }
}
