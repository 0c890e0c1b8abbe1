package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.errors.CancelledException;
import dev.storycore.enhance.errors.EnhanceException;
import dev.storycore.enhance.errors.ErrorKind;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.FrameSink;
import dev.storycore.enhance.frame.StreamInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One execution of a {@link Pipeline}: the threads, queues and meters, and the cleanup. */
final class PipelineRun {
    private final Pipeline pipeline;
    private final RunState state;
    private final List<StageMeter> meters = new ArrayList<>();
    private final List<Handoff> queues = new ArrayList<>();
    private long startNanos;
    private volatile long written;
    private StreamInfo output;

    PipelineRun(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.state = new RunState(pipeline.cancellation);
    }

    PipelineResult execute(SinkOpener sinks) {
        FrameSink sink = null;
        PipelineResult result = null;
        Throwable failure = null;
        try {
            output = pipeline.outputInfo();
            pipeline.cancellation.throwIfCancelled();
            sink = Objects.requireNonNull(sinks.open(output), "the sink opener returned no sink");
            result = runStages(sink);
        } catch (Throwable t) {
            failure = t;
        }
        // An unfinished sink discards its output on close; a close that fails after a finished run
        // is reported too, since the output may then be incomplete.
        failure = closeQuietly(sink, failure);
        failure = closeQuietly(pipeline.source, failure);
        if (failure != null) {
            rethrow(failure);
        }
        return result;
    }

    private PipelineResult runStages(FrameSink sink) {
        List<String> names = pipeline.stageNames();
        for (String name : names) {
            meters.add(new StageMeter(name));
        }
        for (int i = 0; i < names.size() - 1; i++) {
            queues.add(new Handoff(pipeline.queueCapacity, state));
        }
        startNanos = System.nanoTime();
        report();

        List<Thread> threads = new ArrayList<>();
        threads.add(thread(meters.get(0), () -> decode(meters.get(0), queues.get(0))));
        for (int i = 0; i < pipeline.steps.size(); i++) {
            Step step = pipeline.steps.get(i);
            StageMeter meter = meters.get(i + 1);
            Handoff in = queues.get(i);
            Handoff out = queues.get(i + 1);
            threads.add(thread(meter, () -> transform(step, meter, in, out)));
        }
        StageMeter encodeMeter = meters.get(meters.size() - 1);
        threads.add(thread(encodeMeter, () -> encode(sink, encodeMeter, queues.get(queues.size() - 1))));
        threads.forEach(Thread::start);
        joinAll(threads);
        long elapsed = System.nanoTime() - startNanos;
        queues.forEach(Handoff::drainAndClose);

        Throwable failure = state.failure();
        if (failure != null) {
            rethrow(failure);
        }
        long read = meters.get(0).timing().framesOut();
        return new PipelineResult(output, read, written, Duration.ofNanos(elapsed),
                meters.stream().map(StageMeter::timing).toList());
    }

    private Thread thread(StageMeter meter, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (RunState.Stopped stopped) {
                // another stage failed or the run was cancelled; that one is reported
            } catch (Throwable e) {
                state.fail(e);
            }
        }, "storycore-" + meter.name());
        t.setDaemon(true);
        return t;
    }

    private void decode(StageMeter meter, Handoff out) {
        while (true) {
            state.checkBetweenFrames();
            long t0 = System.nanoTime();
            Frame frame = pipeline.source.next();
            meter.busy(System.nanoTime() - t0);
            if (frame == null) {
                break;
            }
            meter.received();
            pass(frame, meter, out);
        }
        out.putEnd();
    }

    private void transform(Step step, StageMeter meter, Handoff in, Handoff out) {
        while (true) {
            long t0 = System.nanoTime();
            Frame input = in.take();
            meter.starved(System.nanoTime() - t0);
            if (input == null) {
                long t1 = System.nanoTime();
                List<Frame> rest = step.finish();
                meter.busy(System.nanoTime() - t1);
                passAll(rest, meter, out);
                out.putEnd();
                return;
            }
            meter.received();
            List<Frame> results = List.of();
            try {
                state.checkBetweenFrames();
                long t1 = System.nanoTime();
                results = step.accept(input);
                meter.busy(System.nanoTime() - t1);
            } finally {
                if (!containsSame(results, input)) {
                    input.close();
                }
            }
            passAll(results, meter, out);
        }
    }

    private void encode(FrameSink sink, StageMeter meter, Handoff in) {
        while (true) {
            long t0 = System.nanoTime();
            Frame frame = in.take();
            meter.starved(System.nanoTime() - t0);
            if (frame == null) {
                state.checkBetweenFrames();
                long t1 = System.nanoTime();
                sink.finish();
                meter.busy(System.nanoTime() - t1);
                report();
                return;
            }
            meter.received();
            try {
                state.checkBetweenFrames();
                requireAnnouncedSize(frame);
                long t1 = System.nanoTime();
                sink.write(frame);
                meter.busy(System.nanoTime() - t1);
                meter.passedOn();
                written++;
            } finally {
                frame.close();
            }
            report();
        }
    }

    /** Hands a frame to the next stage; if the run stops first, the frame is closed here. */
    private void pass(Frame frame, StageMeter meter, Handoff out) {
        long t0 = System.nanoTime();
        boolean handed = false;
        try {
            out.put(frame);
            handed = true;
            meter.passedOn();
        } finally {
            meter.blocked(System.nanoTime() - t0);
            if (!handed) {
                frame.close();
            }
        }
    }

    private void passAll(List<Frame> frames, StageMeter meter, Handoff out) {
        for (int i = 0; i < frames.size(); i++) {
            try {
                pass(frames.get(i), meter, out);
            } catch (RuntimeException | Error e) {
                for (int j = i + 1; j < frames.size(); j++) {
                    frames.get(j).close();
                }
                throw e;
            }
        }
    }

    private void requireAnnouncedSize(Frame frame) {
        if (frame.width() != output.width() || frame.height() != output.height()) {
            throw new EnhanceException(ErrorKind.INTERNAL, "frame " + frame.index() + " reached the output as "
                    + frame.width() + "x" + frame.height() + " but the operations announced "
                    + output.width() + "x" + output.height() + " (an operation's outputSize() disagrees with its"
                    + " apply(); or the input changes size mid-stream)");
        }
    }

    private void report() {
        long elapsedNanos = System.nanoTime() - startNanos;
        double seconds = elapsedNanos / 1e9;
        long done = written;
        String busiest = meters.get(0).name();
        long most = -1;
        for (StageMeter m : meters) {
            if (m.busyNanos() > most) {
                most = m.busyNanos();
                busiest = m.name();
            }
        }
        pipeline.progress.onProgress(new Progress(done, output.frameCount(), seconds > 0 ? done / seconds : 0,
                Duration.ofNanos(elapsedNanos), busiest));
    }

    private void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    state.fail(new CancelledException("stopped: the thread waiting for the pipeline was interrupted"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean containsSame(List<Frame> frames, Frame frame) {
        for (Frame f : frames) {
            if (f == frame) {
                return true;
            }
        }
        return false;
    }

    private static Throwable closeQuietly(AutoCloseable resource, Throwable failure) {
        if (resource == null) {
            return failure;
        }
        try {
            resource.close();
            return failure;
        } catch (Throwable t) {
            if (failure == null) {
                return t;
            }
            if (failure != t) {
                failure.addSuppressed(t);
            }
            return failure;
        }
    }

    private static void rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new EnhanceException(ErrorKind.INTERNAL, "pipeline failed: " + t, t);
    }
}
