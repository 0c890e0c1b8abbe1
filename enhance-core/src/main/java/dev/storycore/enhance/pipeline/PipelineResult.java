package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.frame.StreamInfo;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * What a finished run did.
 *
 * @param output       what the sink was opened with (size, rate, expected frame count)
 * @param framesRead   frames the source produced
 * @param framesWritten frames the sink wrote
 * @param elapsed      wall-clock time from start to the sink's finish
 * @param stages       per-stage timings in pipeline order: decode, operations..., encode
 */
public record PipelineResult(StreamInfo output, long framesRead, long framesWritten, Duration elapsed,
                             List<StageTiming> stages) {
    public PipelineResult {
        stages = List.copyOf(stages);
    }

    /** Frames written per second of wall-clock time. */
    public double fps() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : framesWritten / seconds;
    }

    /** The stage with the most busy time: the one that limits throughput. */
    public StageTiming bottleneck() {
        return stages.stream().max(Comparator.comparing(StageTiming::busy)).orElseThrow();
    }
}
