package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ResourceException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodecsTest {
    @TempDir
    Path dir;

    private void roundTrip(Path out, OutputOptions options, String expectedEncoder, String expectedCodec, double minPsnr) {
        Rational rate = Rational.of(30000, 1001);
        String[] encoder = new String[1];
        try (MediaSink sink = MediaWriter.open(out, options.withFrameRate(rate))) {
            for (int i = 0; i < 12; i++) {
                try (Frame f = new Frame(TestMedia.picture(128, 96, 3, i), i, TestMedia.micros(i, rate))) {
                    sink.write(f);
                }
            }
            sink.finish();
            encoder[0] = sink.encoder();
        }
        assertThat(encoder[0]).isEqualTo(expectedEncoder);
        MediaInfo info = MediaReader.probe(out);
        assertThat(info.videoCodec()).isEqualTo(expectedCodec);
        assertThat(info.video().frameRate()).isEqualTo(rate);
        try (MediaSource source = MediaReader.open(out)) {
            int i = 0;
            for (Frame next; (next = source.next()) != null; i++) {
                try (Frame f = next; Mat expected = TestMedia.picture(128, 96, 3, i)) {
                    assertThat(TestMedia.psnr(f.image(), expected)).as("frame %d", i).isGreaterThan(minPsnr);
                }
            }
            assertThat(i).isEqualTo(12);
        }
    }

    @Test
    void webmDefaultsToVp9() {
        roundTrip(dir.resolve("clip.webm"), OutputOptions.defaults(), "libvpx-vp9", "vp9", 30);
    }

    @Test
    void movAndAviContainersWork() {
        roundTrip(dir.resolve("clip.mov"), OutputOptions.defaults(), "libopenh264", "h264", 30);
        roundTrip(dir.resolve("clip.avi"), OutputOptions.defaults(), "libopenh264", "h264", 30);
    }

    @Test
    void av1UsesSvtAv1() {
        roundTrip(dir.resolve("clip.mkv"), OutputOptions.defaults().withCodec(VideoCodec.AV1), "libsvtav1", "av1", 30);
    }

    @Test
    void libaomCanBeChosenByName() {
        roundTrip(dir.resolve("clip-aom.mp4"), OutputOptions.defaults().withCodec(VideoCodec.AV1).withEncoder("libaom-av1")
                .withCrf(30), "libaom-av1", "av1", 30);
    }

    @Test
    void vp9KeepsAlphaInWebm() {
        Path out = dir.resolve("alpha.webm");
        try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults().withCrf(10))) {
            for (int i = 0; i < 3; i++) {
                try (Frame f = new Frame(TestMedia.picture(64, 48, 4, i), i, i * 40_000L)) {
                    sink.write(f);
                }
            }
            sink.finish();
            assertThat(sink.warnings()).isEmpty();
        }
        // FFmpeg's native VP9 decoder ignores the alpha side channel; what matters is that it was written.
        assertThat(MediaReader.probe(out).videoCodec()).isEqualTo("vp9");
    }

    @Test
    void alphaIntoH264IsDroppedWithAWarning() {
        Path out = dir.resolve("alpha.mp4");
        try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults())) {
            try (Frame f = new Frame(TestMedia.picture(64, 48, 4, 0), 0, 0)) {
                sink.write(f);
            }
            sink.finish();
            assertThat(sink.warnings()).singleElement().asString().contains("transparency was dropped");
        }
    }

    @Test
    void anEncoderThatIsNotBuiltInIsRefusedByName() {
        assertThatThrownBy(() -> MediaWriter.open(dir.resolve("x.mp4"), OutputOptions.defaults().withEncoder("libx264")))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("libx264")
                .hasMessageContaining("not available in this FFmpeg build")
                .hasMessageContaining("libopenh264 (H.264)")
                .hasMessageContaining("libvpx-vp9 (VP9)");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aCodecTheContainerCannotHoldIsRefused() {
        assertThatThrownBy(() -> MediaWriter.open(dir.resolve("x.webm"), OutputOptions.defaults().withCodec(VideoCodec.H264)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be stored in .webm");
    }

    @Test
    void anUnknownContainerIsRefused() {
        assertThatThrownBy(() -> MediaWriter.open(dir.resolve("x.qqq"), OutputOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("end it with .mp4");
    }

    @Test
    void oddSizesForH264AreRefusedClearlyAndLeaveNothing() {
        Path out = dir.resolve("odd.mp4");
        assertThatThrownBy(() -> {
            try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults());
                 Frame f = new Frame(TestMedia.picture(65, 49, 3, 0), 0, 0)) {
                sink.write(f);
            }
        }).isInstanceOf(InvalidInputException.class).hasMessageContaining("even width and height");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void lossless16BitAndGreyVideoInFfv1() {
        Path out = dir.resolve("deep.mkv");
        try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults().withCodec(VideoCodec.FFV1))) {
            try (Frame f = new Frame(TestMedia.picture(64, 48, 1, 0), 0, 0)) {
                sink.write(f);
            }
            sink.finish();
        }
        try (MediaSource source = MediaReader.open(out); Frame f = source.next(); Mat expected = TestMedia.picture(64, 48, 1, 0)) {
            assertThat(source.media().channels()).isEqualTo(1);
            assertThat(TestMedia.identical(f.image(), expected)).isTrue();
        }
    }
}
