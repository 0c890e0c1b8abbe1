package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.video.MediaInfo;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enhance --fps / --interpolate / --slowmo} on real encoded clips with audio. */
class EnhanceRateTest {
    @TempDir
    Path dir;

    /** A clip made by FFmpeg's test sources: moving test pattern and a 440 Hz tone, H.264 + AAC in MP4. */
    private Path clip(String name, String rate, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        String ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        Process p = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=" + rate + ":duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libopenh264", "-c:a", "aac", "-shortest", out.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0).as(log).isTrue();
        return out;
    }

    private static long countFrames(Path video) {
        long n = 0;
        try (MediaSource s = MediaReader.open(video)) {
            for (var f = s.next(); f != null; f = s.next()) {
                f.close();
                n++;
            }
        }
        return n;
    }

    @Test
    void ntscFilmTo5994KeepsTheDurationAndTheAudio() throws Exception {
        Path in = clip("film.mp4", "24000/1001", 2);
        Path out = dir.resolve("film60.mp4");
        Cli.Result r = Cli.run("enhance", in.toString(), "--fps", "60000/1001", "-o", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        MediaInfo before = MediaReader.probe(in);
        MediaInfo after = MediaReader.probe(out);
        long inFrames = countFrames(in);
        long outFrames = countFrames(out);
        assertThat(outFrames).isBetween(Math.round(inFrames * 2.5) - 1, Math.round(inFrames * 2.5) + 1);
        assertThat(after.video().frameRate()).isEqualTo(Rational.of(60000, 1001));
        assertThat(after.hasAudio()).isTrue();
        assertThat(after.audio().get(0).durationMicros())
                .isCloseTo(before.audio().get(0).durationMicros(), org.assertj.core.data.Offset.offset(50_000L));
        assertThat(after.video().durationMicros())
                .isCloseTo(before.video().durationMicros(), org.assertj.core.data.Offset.offset(50_000L));
    }

    @Test
    void thirtyTo24DropsFramesEvenly() throws Exception {
        Path in = clip("ntsc.mp4", "30", 2);
        Path out = dir.resolve("ntsc24.mp4");
        Cli.Result r = Cli.run("enhance", in.toString(), "--fps", "24", "-o", out.toString(), "-q");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(countFrames(out)).isBetween(47L, 49L);
        assertThat(MediaReader.probe(out).hasAudio()).isTrue();
    }

    @Test
    void slowMotionStretchesTheVideoAndLeavesTheAudioOutWithAWarning() throws Exception {
        Path in = clip("fast.mp4", "25", 1);
        Path out = dir.resolve("slow.mp4");
        Cli.Result r = Cli.run("enhance", in.toString(), "--slowmo", "2", "-o", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("audio and subtitles were left out");
        MediaInfo after = MediaReader.probe(out);
        assertThat(after.hasAudio()).isFalse();
        assertThat(after.video().frameRate()).isEqualTo(Rational.of(25, 1));
        assertThat(countFrames(out)).isEqualTo(50);
        Path kept = dir.resolve("slow-audio.mp4");
        Cli.Result withAudio = Cli.run("enhance", in.toString(), "--slowmo", "2", "--keep-audio", "-o", kept.toString(), "-q");
        assertThat(withAudio.exitCode()).as(withAudio.toString()).isZero();
        assertThat(MediaReader.probe(kept).hasAudio()).isTrue();
    }

    @Test
    void badRateOptionsAreUsageErrorsAndStillPicturesAreBadInput() throws Exception {
        Path in = clip("x.mp4", "25", 0.4);
        assertThat(Cli.run("enhance", in.toString(), "--fps", "fast").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("enhance", in.toString(), "--fps", "60", "--interpolate", "2").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        Path png = dir.resolve("still.png");
        org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(png.toString(),
                new org.bytedeco.opencv.opencv_core.Mat(32, 32, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                        new org.bytedeco.opencv.opencv_core.Scalar(128, 128, 128, 0)));
        Cli.Result still = Cli.run("enhance", png.toString(), "--interpolate", "2");
        assertThat(still.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(still.err()).contains("need a video");
    }
}
