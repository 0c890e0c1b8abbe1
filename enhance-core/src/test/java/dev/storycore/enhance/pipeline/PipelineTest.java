package dev.storycore.enhance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.CancelledException;
import dev.storycore.enhance.errors.EnhanceException;
import dev.storycore.enhance.errors.ErrorKind;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.testing.TrackedFrames;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private final TrackedFrames frames = new TrackedFrames();
    private final AtomicReference<Fakes.Sink> sink = new AtomicReference<>();

    private SinkOpener recordingSink() {
        return info -> {
            Fakes.Sink s = new Fakes.Sink(info);
            sink.set(s);
            return s;
        };
    }

    @Test
    void framesFlowThroughEveryStageInOrderAndAreAllClosed() {
        Fakes.Source source = new Fakes.Source(frames, 30, 8, 6);
        Pipeline pipeline = Pipeline.from(source)
                .then(new Fakes.Add(frames, "brighten", 10))
                .then(new Fakes.Double(frames))
                .then(new Fakes.Add(frames, "brighten", 5))
                .build();

        PipelineResult result = pipeline.run(recordingSink());

        Fakes.Sink out = sink.get();
        assertThat(out.info.width()).isEqualTo(16);
        assertThat(out.info.height()).isEqualTo(12);
        assertThat(out.indices).containsExactlyElementsOf(LongStream.range(0, 30).boxed().toList());
        for (int i = 0; i < 30; i++) {
            assertThat(out.firstBytes.get(i)).as("frame %d", i).isEqualTo(i * 2 + 15);
        }
        assertThat(out.finished).isTrue();
        assertThat(out.closed).isTrue();
        assertThat(source.closed).isTrue();
        assertThat(result.framesRead()).isEqualTo(30);
        assertThat(result.framesWritten()).isEqualTo(30);
        assertThat(result.stages()).extracting(StageTiming::name)
                .containsExactly("decode", "brighten", "double", "brighten#2", "encode");
        assertThat(result.stages()).allSatisfy(s -> assertThat(s.framesIn()).isEqualTo(30));
        assertThat(frames.created()).isEqualTo(30 * 4);
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void windowOperationChangesFrameCountRateAndProgressTotal() {
        Fakes.Source source = new Fakes.Source(frames, 10, 4, 4);
        List<Progress> events = new CopyOnWriteArrayList<>();
        try (Fakes.Midpoints midpoints = new Fakes.Midpoints(frames)) {
            Pipeline pipeline = Pipeline.from(source).then(midpoints).onProgress(events::add).build();
            assertThat(pipeline.outputInfo().frameCount()).isEqualTo(19);
            assertThat(pipeline.outputInfo().frameRate()).isEqualTo(Rational.of(50, 1));

            PipelineResult result = pipeline.run(recordingSink());

            assertThat(result.framesRead()).isEqualTo(10);
            assertThat(result.framesWritten()).isEqualTo(19);
            // frame i has grey 2i, the midpoint between i and i+1 has 2i+1
            assertThat(sink.get().firstBytes).containsExactlyElementsOf(
                    LongStream.range(0, 19).mapToObj(v -> (int) v).toList());
        }
        assertThat(events).allSatisfy(p -> assertThat(p.total()).isEqualTo(19));
        assertThat(events.get(0).processed()).isZero();
        Progress last = events.get(events.size() - 1);
        assertThat(last.processed()).isEqualTo(19);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(events).extracting(Progress::processed).isSorted();
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void failureInAnOperationStopsTheRunDiscardsTheOutputAndClosesEveryFrame() {
        Fakes.Source source = new Fakes.Source(frames, 200, 8, 8);
        Fakes.Add failing = new Fakes.Add(frames, "fragile", 1);
        failing.failure = i -> i == 7 ? new InvalidInputException("frame 7 is broken") : null;
        Pipeline pipeline = Pipeline.from(source).then(new Fakes.Add(frames, "first", 1)).then(failing)
                .then(new Fakes.Double(frames)).build();

        assertThatThrownBy(() -> pipeline.run(recordingSink()))
                .isInstanceOf(InvalidInputException.class).hasMessage("frame 7 is broken");

        assertThat(sink.get().discarded()).isTrue();
        assertThat(sink.get().indices).hasSizeLessThanOrEqualTo(7);
        assertThat(source.closed).isTrue();
        assertThat(source.read.get()).as("the decoder stopped soon after the failure").isLessThan(40);
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void failureInTheSourceOrTheSinkIsReportedAndCleanedUpToo() {
        Fakes.Source source = new Fakes.Source(frames, 50, 8, 8);
        source.failAt = 12;
        assertThatThrownBy(() -> Pipeline.from(source).then(new Fakes.Double(frames)).build().run(recordingSink()))
                .hasMessage("decoder broke at frame 12");
        assertThat(sink.get().discarded()).isTrue();

        Fakes.Source source2 = new Fakes.Source(frames, 50, 8, 8);
        assertThatThrownBy(() -> Pipeline.from(source2).then(new Fakes.Double(frames)).build().run(info -> {
            Fakes.Sink s = new Fakes.Sink(info);
            s.failAt = 3;
            sink.set(s);
            return s;
        })).hasMessage("disk full at frame 3");
        assertThat(sink.get().discarded()).isTrue();
        assertThat(sink.get().indices).containsExactly(0L, 1L, 2L);
        assertThat(source2.closed).isTrue();
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void sourceIsClosedWhenTheSinkCannotBeOpened() {
        Fakes.Source source = new Fakes.Source(frames, 5, 8, 8);
        assertThatThrownBy(() -> Pipeline.from(source).build().run(info -> {
            throw new InvalidInputException("cannot write there");
        })).hasMessage("cannot write there");
        assertThat(source.closed).isTrue();
        assertThat(source.read.get()).isZero();
    }

    @Test
    void cancellationIsObservedBetweenFramesAndDiscardsTheOutput() {
        Fakes.Source source = new Fakes.Source(frames, 500, 8, 8);
        CancellationToken token = new CancellationToken();
        Pipeline pipeline = Pipeline.from(source).then(new Fakes.Add(frames, "a", 1)).then(new Fakes.Double(frames))
                .cancellation(token)
                .onProgress(p -> {
                    if (p.processed() == 5) {
                        token.cancel("user pressed stop");
                    }
                })
                .build();

        assertThatThrownBy(() -> pipeline.run(recordingSink()))
                .isInstanceOf(CancelledException.class)
                .hasMessageContaining("user pressed stop")
                .satisfies(e -> assertThat(((EnhanceException) e).kind()).isEqualTo(ErrorKind.CANCELLED));

        assertThat(sink.get().indices).hasSize(5);
        assertThat(sink.get().discarded()).isTrue();
        assertThat(source.read.get()).isLessThan(40);
        assertThat(source.closed).isTrue();
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void cancelledBeforeTheStartOpensNoSink() {
        CancellationToken token = new CancellationToken();
        token.cancel("no longer needed");
        Fakes.Source source = new Fakes.Source(frames, 5, 8, 8);
        assertThatThrownBy(() -> Pipeline.from(source).cancellation(token).build().run(recordingSink()))
                .isInstanceOf(CancelledException.class);
        assertThat(sink.get()).isNull();
        assertThat(source.closed).isTrue();
    }

    @Test
    void boundedQueuesHoldBackAFastDecoderWhileTheEncoderIsStuck() throws Exception {
        Fakes.Source source = new Fakes.Source(frames, 100, 8, 8);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicLong mostReadWhileStuck = new AtomicLong();
        CountDownLatch decoderWaiting = new CountDownLatch(1);
        source.beforeEachRead = () -> mostReadWhileStuck.accumulateAndGet(source.read.get(), Math::max);
        Pipeline pipeline = Pipeline.from(source).then(new Fakes.Add(frames, "a", 1)).queueCapacity(2).build();

        Thread run = new Thread(() -> pipeline.run(info -> {
            Fakes.Sink s = new Fakes.Sink(info);
            s.gate = gate;
            sink.set(s);
            return s;
        }));
        run.start();
        // Wait until the decoder stops making progress: it must be held by the full queues.
        long lastRead = -1;
        while (source.read.get() != lastRead) {
            lastRead = source.read.get();
            decoderWaiting.await(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        long heldBack = source.read.get();
        gate.countDown();
        run.join(10_000);

        // 2 queues of 2, plus one frame in the operation's hands, one in the sink's, one in the decoder's.
        assertThat(heldBack).isLessThanOrEqualTo(2 * 2 + 3).isGreaterThan(0);
        assertThat(sink.get().indices).hasSize(100);
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void stageTimingsNameTheSlowestStageAsTheBottleneck() {
        Fakes.Source source = new Fakes.Source(frames, 12, 160, 120);
        Pipeline pipeline = Pipeline.from(source)
                .then(new Fakes.Blur(frames, "light", 1))
                .then(new Fakes.Blur(frames, "heavy", 40))
                .build();

        PipelineResult result = pipeline.run(recordingSink());

        StageTiming heavy = result.stages().get(2);
        StageTiming light = result.stages().get(1);
        assertThat(result.bottleneck().name()).isEqualTo("heavy");
        assertThat(heavy.busy()).isGreaterThan(light.busy().multipliedBy(5));
        assertThat(light.starved()).as("the light stage waits for the decoder or is held back by the heavy one")
                .isNotNull();
        assertThat(light.blocked()).as("the light stage waits for room in front of the heavy one")
                .isGreaterThan(java.time.Duration.ZERO);
        assertThat(result.fps()).isPositive();
        assertThat(heavy.busyFps()).isPositive();
    }

    @Test
    void aFrameOfAnotherSizeThanAnnouncedFailsBeforeReachingTheEncoder() {
        Fakes.Source source = new Fakes.Source(frames, 5, 8, 8);
        assertThatThrownBy(() -> Pipeline.from(source).then(new Fakes.Liar(frames)).build().run(recordingSink()))
                .isInstanceOf(EnhanceException.class)
                .hasMessageContaining("8x8")
                .hasMessageContaining("16x16");
        assertThat(sink.get().indices).isEmpty();
        assertThat(sink.get().discarded()).isTrue();
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void aSourceWithoutPicturesIsBadInput() {
        Fakes.Source source = new Fakes.Source(frames, 5, 8, 8) {
            @Override
            public StreamInfo info() {
                return new StreamInfo(0, 0, Rational.ZERO, 0, 0, true);
            }
        };
        assertThatThrownBy(() -> Pipeline.from(source).build().run(recordingSink()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no picture size");
        assertThat(source.closed).isTrue();
    }

    @Test
    void aPipelineRunsOnce() {
        Pipeline pipeline = Pipeline.from(new Fakes.Source(frames, 2, 4, 4)).build();
        pipeline.run(recordingSink());
        assertThatThrownBy(() -> pipeline.run(recordingSink())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Pipeline.from(new Fakes.Source(frames, 2, 4, 4)).queueCapacity(0))
                .hasMessageContaining("queueCapacity");
    }
}
