package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void ffv1InMkvKeepsEveryPixelAndTimestamp() {
        Path out = dir.resolve("lossless.mkv");
        Rational rate = Rational.of(25, 1);
        TestMedia.writeClip(out, OutputOptions.defaults().withCodec(VideoCodec.FFV1), 96, 64, 20, rate);
        try (MediaSource source = MediaReader.open(out)) {
            assertThat(source.media().videoCodec()).isEqualTo("ffv1");
            int i = 0;
            for (Frame next; (next = source.next()) != null; i++) {
                try (Frame f = next; Mat expected = TestMedia.picture(96, 64, 3, i)) {
                    assertThat(TestMedia.identical(f.image(), expected)).as("frame %d identical", i).isTrue();
                    assertThat(f.timestampMicros()).isEqualTo(TestMedia.micros(i, rate));
                    assertThat(f.index()).isEqualTo(i);
                }
            }
            assertThat(i).isEqualTo(20);
            assertThat(source.damage()).isEmpty();
        }
    }

    @Test
    void h264Mp4RoundTripKeepsSizeCountAndQuality() {
        Path out = dir.resolve("clip.mp4");
        Rational rate = Rational.of(25, 1);
        int count = 30;
        MediaSink[] used = new MediaSink[1];
        try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults().withFrameRate(rate))) {
            used[0] = sink;
            assertThat(sink.encoder()).isEqualTo("libopenh264");
            for (int i = 0; i < count; i++) {
                try (Frame f = new Frame(TestMedia.picture(320, 240, 3, i), i, TestMedia.micros(i, rate))) {
                    sink.write(f);
                }
            }
            assertThat(out).doesNotExist(); // only the temporary file exists until finish()
            sink.finish();
        }
        assertThat(out).exists();
        assertThat(dir.toFile().list()).containsExactly("clip.mp4");
        MediaInfo info = MediaReader.probe(out);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(info.video().width()).isEqualTo(320);
        assertThat(info.video().height()).isEqualTo(240);
        assertThat(info.video().frameRate()).isEqualTo(rate);
        assertThat(info.video().frameCount()).isEqualTo(count);
        List<Double> psnr = new ArrayList<>();
        try (MediaSource source = MediaReader.open(out)) {
            int i = 0;
            for (Frame next; (next = source.next()) != null; i++) {
                try (Frame f = next; Mat expected = TestMedia.picture(320, 240, 3, i)) {
                    psnr.add(TestMedia.psnr(f.image(), expected));
                }
            }
            assertThat(i).isEqualTo(count);
        }
        assertThat(psnr).allSatisfy(p -> assertThat(p).isGreaterThan(35.0));
    }

    @Test
    void timestampsStayExactAtNtscAndPalRates() {
        for (Rational rate : List.of(Rational.of(24000, 1001), Rational.of(25, 1), Rational.of(30000, 1001))) {
            for (String name : List.of("t.mp4", "t.mkv")) {
                Path out = dir.resolve(rate.num() + "-" + name);
                TestMedia.writeClip(out, OutputOptions.defaults(), 64, 48, 48, rate);
                MediaInfo info = MediaReader.probe(out);
                assertThat(info.video().frameRate()).as("rate of %s", out).isEqualTo(rate);
                try (MediaSource source = MediaReader.open(out)) {
                    int i = 0;
                    for (Frame next; (next = source.next()) != null; i++) {
                        try (Frame f = next) {
                            long exact = TestMedia.micros(i, rate);
                            // Matroska stores milliseconds; MP4 keeps the rate's own time base, so exact microseconds.
                            long expected = name.endsWith(".mkv") ? Math.round(exact / 1000.0) * 1000 : exact;
                            assertThat(f.timestampMicros()).as("%s frame %d", out, i).isEqualTo(expected);
                        }
                    }
                    assertThat(i).isEqualTo(48);
                }
            }
        }
    }

    @Test
    void closingWithoutFinishLeavesNoFile() throws Exception {
        Path out = dir.resolve("abandoned.mp4");
        try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                try (Frame f = new Frame(TestMedia.picture(64, 48, 3, i), i, TestMedia.micros(i, Rational.of(25, 1)))) {
                    sink.write(f);
                }
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void variableFrameRateTimestampsAreKept() {
        long[] micros = {0, 40_000, 100_000, 110_000, 200_000, 233_000, 1_000_000, 1_001_000};
        for (String name : List.of("vfr.mp4", "vfr.mkv")) {
            Path out = dir.resolve(name);
            try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults().withFrameRate(Rational.of(25, 1)))) {
                for (int i = 0; i < micros.length; i++) {
                    try (Frame f = new Frame(TestMedia.picture(64, 48, 3, i), i, micros[i])) {
                        sink.write(f);
                    }
                }
                sink.finish();
                assertThat(sink.warnings()).isEmpty();
            }
            try (MediaSource source = MediaReader.open(out)) {
                int i = 0;
                for (Frame next; (next = source.next()) != null; i++) {
                    try (Frame f = next) {
                        assertThat(f.timestampMicros()).as("%s frame %d", name, i).isEqualTo(micros[i]);
                    }
                }
                assertThat(i).isEqualTo(micros.length);
            }
        }
    }

    @Test
    void portraitPhoneVideoComesUprightAsPlayersShowIt() {
        Path stored = dir.resolve("stored.mp4");
        TestMedia.writeClip(stored, OutputOptions.defaults().withCodec(VideoCodec.FFV1), 64, 48, 3, Rational.of(25, 1));
        Path tagged = dir.resolve("portrait.mp4");
        // As a phone held upright tags its landscape-stored pictures (ffprobe: "rotation of -90.00 degrees").
        TestMuxer.mux(tagged, 90, stored);
        MediaInfo info = MediaReader.probe(tagged);
        assertThat(info.video().width()).isEqualTo(48);
        assertThat(info.video().height()).isEqualTo(64);
        try (MediaSource source = MediaReader.open(tagged); Frame f = source.next();
             Mat stored0 = TestMedia.picture(64, 48, 3, 0); Mat upright = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.rotate(stored0, upright,
                    org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE);
            assertThat(TestMedia.identical(f.image(), upright)).isTrue();
        }
    }
}
