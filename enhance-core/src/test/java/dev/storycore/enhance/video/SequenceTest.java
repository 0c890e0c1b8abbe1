package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceTest {
    @TempDir
    Path dir;

    @Test
    void pngSequenceIsWrittenThroughATemporaryFolderAndReadBackInOrder() throws IOException {
        Path frames = dir.resolve("frames");
        Path pattern = frames.resolve("%05d.png");
        try (MediaSink sink = MediaWriter.open(pattern, OutputOptions.defaults())) {
            for (int i = 0; i < 12; i++) {
                try (Frame f = new Frame(TestMedia.picture(40, 30, 3, i), i, i * 40_000L)) {
                    sink.write(f);
                }
            }
            try (var list = Files.list(frames)) {
                assertThat(list.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
            }
            sink.finish();
        }
        try (var list = Files.list(frames)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .hasSize(12).first().isEqualTo("00001.png");
        }
        try (MediaSource source = MediaReader.open(pattern, ReadOptions.defaults().withSequenceFrameRate(Rational.of(24, 1)))) {
            assertThat(source.media().kind()).isEqualTo(MediaKind.IMAGE_SEQUENCE);
            assertThat(source.info().frameCount()).isEqualTo(12);
            int i = 0;
            for (Frame next; (next = source.next()) != null; i++) {
                try (Frame f = next; Mat expected = TestMedia.picture(40, 30, 3, i)) {
                    assertThat(TestMedia.identical(f.image(), expected)).isTrue();
                    assertThat(f.timestampMicros()).isEqualTo(TestMedia.micros(i, Rational.of(24, 1)));
                }
            }
            assertThat(i).isEqualTo(12);
        }
    }

    @Test
    void abandonedSequenceLeavesNothing() throws IOException {
        Path frames = Files.createDirectory(dir.resolve("out"));
        try (MediaSink sink = MediaWriter.open(frames.resolve("f%03d.jpg"), OutputOptions.defaults());
             Frame f = Frame.of(TestMedia.picture(40, 30, 3, 0))) {
            sink.write(f);
        }
        try (var list = Files.list(frames)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void folderYieldsItsImagesSortedByNameSkippingOtherFiles() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("photos"));
        String[] names = {"b.png", "a.jpg", "c.webp"};
        for (int i = 0; i < names.length; i++) {
            try (Frame f = Frame.of(TestMedia.picture(30 + i, 20, 3, i))) {
                Images.write(folder.resolve(names[i]), f);
            }
        }
        Files.writeString(folder.resolve("notes.txt"), "not an image");
        assertThat(MediaReader.imageFiles(folder)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.jpg", "b.png", "c.webp");
        try (MediaSource source = MediaReader.open(folder)) {
            List<Integer> widths = new java.util.ArrayList<>();
            for (Frame next; (next = source.next()) != null; ) {
                try (Frame f = next) {
                    widths.add(f.width());
                }
            }
            assertThat(widths).containsExactly(31, 30, 32); // a.jpg was frame 1, b.png frame 0, c.webp frame 2
        }
    }

    @Test
    void singleImageIsAStillWithoutTimestamp() {
        Path png = dir.resolve("one.png");
        try (Frame f = Frame.of(TestMedia.picture(20, 10, 4, 0))) {
            Images.write(png, f);
        }
        try (MediaSource source = MediaReader.open(png); Frame f = source.next()) {
            assertThat(source.media().kind()).isEqualTo(MediaKind.IMAGE);
            assertThat(source.media().channels()).isEqualTo(4);
            assertThat(f.timestampMicros()).isEqualTo(Frame.NO_TIMESTAMP);
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void singleImageOutputRefusesASecondFrame() {
        Path out = dir.resolve("out.png");
        assertThatThrownBy(() -> {
            try (MediaSink sink = MediaWriter.open(out, OutputOptions.defaults());
                 Frame a = Frame.of(TestMedia.picture(20, 10, 3, 0)); Frame b = Frame.of(TestMedia.picture(20, 10, 3, 1))) {
                sink.write(a);
                sink.write(b);
            }
        }).isInstanceOf(InvalidInputException.class).hasMessageContaining("numbered pattern");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void realClipFromSharedDataDecodesCompletely() {
        // Tests run in the module folder; the shared data sits beside the repository root.
        Path vtest = Path.of("../../shared/data/video/vtest.avi");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(vtest),
                "skipped: ../shared/data/video/vtest.avi (beside the repository) is absent");
        MediaInfo info = MediaReader.probe(vtest);
        assertThat(info.video().width()).isEqualTo(768);
        assertThat(info.video().frameRate()).isEqualTo(Rational.of(10, 1));
        try (MediaSource source = MediaReader.open(vtest)) {
            long n = 0;
            long last = -1;
            for (Frame next; (next = source.next()) != null && n < 795; n++) {
                try (Frame f = next) {
                    assertThat(f.timestampMicros()).isEqualTo(n * 100_000L);
                    last = f.timestampMicros();
                }
            }
            assertThat(n).isEqualTo(795);
            assertThat(last).isEqualTo(79_400_000L);
        }
    }

    @Test
    void bundledSampleClipMatchesItsReadme() {
        Path sample = Path.of("../samples/vtest-384x288.mp4");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(sample), "skipped: run from enhance-core");
        MediaInfo info = MediaReader.probe(sample);
        assertThat(info.video().width()).isEqualTo(384);
        assertThat(info.video().height()).isEqualTo(288);
        assertThat(info.video().frameCount()).isEqualTo(40);
        assertThat(info.videoCodec()).isEqualTo("h264");
        assertThat(sample.toFile().length()).isLessThan(2L * 1024 * 1024);
    }
}
