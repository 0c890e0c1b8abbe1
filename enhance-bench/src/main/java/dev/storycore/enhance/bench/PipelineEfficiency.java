package dev.storycore.enhance.bench;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.FrameSource;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.pipeline.Pipeline;
import dev.storycore.enhance.pipeline.PipelineResult;
import dev.storycore.enhance.pipeline.SinkOpener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * How much of the bare operation's throughput a full pipeline run keeps.
 *
 * <p>Workload: the first {@code maxFrames} frames of one video. Peer A, "bare": all frames are decoded
 * into memory first, then only {@code op.apply} is timed over them (each output is closed at once).
 * Peer B, "pipeline": the whole run, decode → op → encode to a real file, timed from start to the
 * encoder's finish. Both use the same operation instance (one loaded model), which is warmed up on one
 * frame first; the peers alternate (A B A B ...) so that drift in the machine's speed hits both.
 * Result: median frames per second of each and their ratio (pipeline / bare).
 *
 * <p>Run it with {@code ./storycore bench pipeline --video samples/<clip>}.
 */
public final class PipelineEfficiency {
    /** One measurement. */
    public record Run(String peer, long frames, double seconds) {
        public double fps() {
            return frames / seconds;
        }
    }

    /**
     * @param bare     runs of the operation alone over frames in memory
     * @param pipeline runs of the full decode → operation → encode pipeline
     * @param last     the last pipeline run's own figures (per-stage timings)
     */
    public record Result(List<Run> bare, List<Run> pipeline, PipelineResult last, StreamInfo input, StreamInfo output) {
        public double bareFps() {
            return median(bare.stream().mapToDouble(Run::fps).toArray());
        }

        public double pipelineFps() {
            return median(pipeline.stream().mapToDouble(Run::fps).toArray());
        }

        /** Pipeline throughput as a fraction of bare throughput (1.0 = nothing lost to decode and encode). */
        public double ratio() {
            return pipelineFps() / bareFps();
        }
    }

    private PipelineEfficiency() {
    }

    /**
     * @param sources  opens the video afresh (called once for the frames in memory, once per pipeline run)
     * @param op       the operation both peers run (the caller closes it)
     * @param sinks    opens a fresh output for a pipeline run (e.g. a temporary MP4)
     * @param runs     measurements per peer (the median is reported)
     * @param maxFrames frames to use from the start of the video
     */
    public static Result measure(Supplier<FrameSource> sources, FrameOperation op, SinkOpener sinks, int runs,
                                 int maxFrames) {
        if (runs < 1 || maxFrames < 1) {
            throw new IllegalArgumentException("runs and maxFrames must be at least 1");
        }
        List<Frame> frames = new ArrayList<>();
        StreamInfo input;
        try (FrameSource source = sources.get()) {
            input = source.info();
            for (Frame f; frames.size() < maxFrames && (f = source.next()) != null; ) {
                frames.add(f);
            }
            if (frames.isEmpty()) {
                throw new IllegalArgumentException("the video has no frames");
            }
            try (Frame warm = op.apply(frames.get(0))) {
                // warm-up: loads the model and JIT-compiles the hot paths before anything is timed
            }
            List<Run> bare = new ArrayList<>();
            List<Run> piped = new ArrayList<>();
            PipelineResult last = null;
            StreamInfo output = null;
            for (int r = 0; r < runs; r++) {
                bare.add(bare(frames, op));
                Pipeline pipeline = Pipeline.from(new Limited(sources.get(), frames.size())).then(op).build();
                output = pipeline.outputInfo();
                last = pipeline.run(sinks);
                piped.add(new Run("pipeline", last.framesWritten(), last.elapsed().toNanos() / 1e9));
            }
            return new Result(bare, piped, last, input, output);
        } finally {
            frames.forEach(Frame::close);
        }
    }

    private static Run bare(List<Frame> frames, FrameOperation op) {
        long t0 = System.nanoTime();
        for (Frame f : frames) {
            try (Frame out = op.apply(f)) {
                if (out.width() <= 0) {
                    throw new IllegalStateException("empty output");
                }
            }
        }
        return new Run("bare", frames.size(), (System.nanoTime() - t0) / 1e9);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The first {@code limit} frames of a source. */
    private static final class Limited implements FrameSource {
        private final FrameSource source;
        private final long limit;
        private long read;

        Limited(FrameSource source, long limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public StreamInfo info() {
            StreamInfo i = source.info();
            long count = i.frameCount() <= 0 ? limit : Math.min(limit, i.frameCount());
            return new StreamInfo(i.width(), i.height(), i.frameRate(), count, i.durationMicros(), i.hasAudio());
        }

        @Override
        public Frame next() {
            if (read >= limit) {
                return null;
            }
            Frame f = source.next();
            if (f != null) {
                read++;
            }
            return f;
        }

        @Override
        public void close() {
            source.close();
        }
    }
}
