package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.pipeline.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();

    private static Progress at(long done, long total, double seconds) {
        return new Progress(done, total, seconds > 0 ? done / seconds : 0, Duration.ofMillis((long) (seconds * 1000)),
                "upscale");
    }

    @Test
    void aLineShowsFramesDoneOfTotalRateAndTimeLeft() {
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, "frames", now::get);
        assertThat(bar.line(at(30, 120, 10)))
                .isEqualTo("[######------------------] 30/120 frames  25%  3.0 fps  elapsed 0:10  ETA 0:30");
        assertThat(bar.line(at(30, 0, 10))).isEqualTo("30 frames  3.0 fps  elapsed 0:10");
        assertThat(ProgressBar.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    }

    @Test
    void withoutATerminalItLogsPlainLinesEveryFewSecondsAndTheLastOne() {
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, "frames", now::get);
        for (int i = 0; i <= 100; i++) {
            now.set(i * 200_000_000L); // a frame every 0.2 s: 20 s in all
            bar.onProgress(at(i, 100, i * 0.2));
        }
        bar.onProgress(at(100, 100, 20.1)); // the pipeline reports the end again once the output is finished
        bar.done();
        String[] lines = text.toString().split("\n");
        assertThat(text.toString()).doesNotContain("\r");
        assertThat(lines).hasSize(5); // at 0, 5, 10, 15 and 20 s (the final frame), once each
        assertThat(lines[0]).startsWith("[------------------------] 0/100");
        assertThat(lines[lines.length - 1]).contains("100/100 frames 100%");
    }

    @Test
    void onATerminalItRedrawsInPlaceAtMostTenTimesASecond() {
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, "images", now::get);
        for (int i = 0; i <= 50; i++) {
            now.set(i * 20_000_000L); // every 20 ms: one second in all
            bar.onProgress(at(i, 50, i * 0.02));
        }
        bar.done();
        String out = text.toString();
        long redraws = out.chars().filter(c -> c == '\r').count();
        assertThat(redraws).isBetween(10L, 12L);
        assertThat(out).endsWith("\n").doesNotContain("\n\r");
        assertThat(out).contains("50/50 images 100%").contains("images/s");
    }
}
