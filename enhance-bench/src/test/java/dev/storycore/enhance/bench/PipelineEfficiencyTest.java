package dev.storycore.enhance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.FrameSink;
import dev.storycore.enhance.frame.FrameSource;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.testing.TrackedFrames;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.junit.jupiter.api.Test;

class PipelineEfficiencyTest {
    private final TrackedFrames frames = new TrackedFrames();
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger written = new AtomicInteger();

    private FrameSource source(int count) {
        return new FrameSource() {
            int i;

            @Override
            public StreamInfo info() {
                return new StreamInfo(64, 48, Rational.of(10, 1), count, 0, false);
            }

            @Override
            public Frame next() {
                return i < count ? frames.frame(i, 64, 48, i++) : null;
            }

            @Override
            public void close() {
            }
        };
    }

    private final FrameOperation enlarge = new FrameOperation() {
        @Override
        public String id() {
            return "upscale";
        }

        @Override
        public Size outputSize(Size input) {
            return input.scaled(2);
        }

        @Override
        public Frame apply(Frame input) {
            applied.incrementAndGet();
            Frame out = frames.frameLike(input, 128, 96);
            opencv_imgproc.resize(input.image(), out.image(), out.image().size(), 0, 0, opencv_imgproc.INTER_CUBIC);
            return out;
        }
    };

    @Test
    void measuresBothPeersOnTheSameFramesAndReportsMediansAndTheirRatio() {
        PipelineEfficiency.Result r = PipelineEfficiency.measure(() -> source(40), enlarge, info -> new FrameSink() {
            @Override
            public void write(Frame frame) {
                written.incrementAndGet();
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        }, 3, 25);

        assertThat(r.bare()).hasSize(3).allSatisfy(run -> assertThat(run.frames()).isEqualTo(25));
        assertThat(r.pipeline()).hasSize(3).allSatisfy(run -> assertThat(run.frames()).isEqualTo(25));
        assertThat(applied.get()).isEqualTo(1 + 3 * 25 + 3 * 25); // warm-up, bare runs, pipeline runs
        assertThat(written.get()).isEqualTo(3 * 25);
        assertThat(r.output().width()).isEqualTo(128);
        assertThat(r.ratio()).isEqualTo(r.pipelineFps() / r.bareFps()).isPositive();
        assertThat(r.last().stages()).extracting(s -> s.name()).containsExactly("decode", "upscale", "encode");
        assertThat(frames.allClosedExactlyOnce()).as(frames.toString()).isTrue();
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(PipelineEfficiency.median(new double[] {5, 1, 3})).isEqualTo(3);
        assertThat(PipelineEfficiency.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }
}
