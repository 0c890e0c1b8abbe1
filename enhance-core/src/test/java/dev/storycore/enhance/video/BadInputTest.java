package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void zeroByteFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertRefused(empty, "is empty (0 bytes)");
    }

    @Test
    void textFileNamedMp4() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video, just some notes\n".repeat(20));
        assertRefused(text, "is not a media file FFmpeg can read");
    }

    @Test
    void textFileNamedPng() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        assertRefused(text, "is not a valid PNG image");
    }

    @Test
    void missingFile() {
        assertRefused(dir.resolve("nowhere.mp4"), "does not exist");
    }

    @Test
    void folderWithoutImages() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("docs"));
        Files.writeString(folder.resolve("readme.txt"), "no pictures here");
        assertRefused(folder, "has no images");
    }

    @Test
    void patternWithoutMatches() throws IOException {
        Files.createDirectory(dir.resolve("frames"));
        assertRefused(dir.resolve("frames/%05d.png"), "no file matches the image sequence");
    }

    @Test
    void unreadableFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.writeString(folder.resolve("a.png"), "x");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(folder) && folder.toFile().list() != null,
                    "running as root: permissions cannot make a folder unreadable, so this case cannot be shown");
            assertRefused(folder, "permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void pngHeaderClaimingHugeSizeIsRefusedBeforeDecoding() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), pngHeader(100_000, 100_000));
        assertRefused(bomb, "declares 100000x100000 pixels");
        assertThatThrownBy(() -> Images.read(bomb)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("above the limit");
    }

    @Test
    void pixelLimitIsConfigurable() {
        Path small = dir.resolve("small.png");
        try (Frame f = Frame.of(TestMedia.picture(40, 30, 3, 0))) {
            Images.write(small, f);
        }
        assertThatThrownBy(() -> MediaReader.open(small, ReadOptions.defaults().withMaxPixels(1000)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("declares 40x30 pixels");
    }

    @Test
    void truncatedMp4IsRefusedAtOpenAndNoOutputIsLeft() throws IOException {
        Path whole = dir.resolve("whole.mp4");
        TestMedia.writeClip(whole, OutputOptions.defaults(), 160, 120, 50, Rational.of(25, 1));
        Path cut = cutInHalf(whole, "cut.mp4");
        assertRefused(cut, "truncated");
        assertThat(outputsBesides(whole, cut)).isEmpty();
    }

    @Test
    void truncatedMkvFailsTheReadAndLeavesNoOutput() throws IOException {
        Path whole = dir.resolve("whole.mkv");
        TestMedia.writeClip(whole, OutputOptions.defaults(), 160, 120, 75, Rational.of(25, 1));
        Path cut = cutInHalf(whole, "cut.mkv");
        Path out = dir.resolve("out.mp4");
        int[] read = {0};
        assertThatThrownBy(() -> {
            try (MediaSource source = MediaReader.open(cut);
                 MediaSink sink = MediaWriter.open(out, OutputOptions.defaults(), source.media())) {
                for (Frame next; (next = source.next()) != null; ) {
                    try (Frame f = next) {
                        sink.write(f);
                        read[0]++;
                    }
                }
                sink.finish();
            }
        }).isInstanceOf(InvalidInputException.class).hasMessageContaining("cut.mkv")
                .hasMessageContaining("re-export or re-download");
        assertThat(read[0]).isBetween(1, 74);
        assertThat(outputsBesides(whole, cut)).isEmpty();
    }

    @Test
    void truncatedVideoCanBeReadPartiallyOnRequestAndSaysSo() throws IOException {
        Path whole = dir.resolve("whole.mkv");
        TestMedia.writeClip(whole, OutputOptions.defaults(), 160, 120, 75, Rational.of(25, 1));
        Path cut = cutInHalf(whole, "cut.mkv");
        try (MediaSource source = MediaReader.open(cut, ReadOptions.defaults().withAllowPartial(true))) {
            int n = 0;
            for (Frame next; (next = source.next()) != null; n++) {
                next.close();
            }
            assertThat(n).isBetween(1, 74);
            assertThat(source.damage()).hasValueSatisfying(d -> assertThat(d).contains("stops at"));
        }
    }

    @Test
    void corruptBytesInTheMiddleAreDetected() throws IOException {
        // H.264 flags the pictures it had to conceal. (FFV1 conceals a slice whose CRC fails without flagging it,
        // and Matroska skips an unreadable cluster silently: those two cases go unnoticed mid-file.)
        for (String name : java.util.List.of("lossy.mp4")) {
            Path whole = dir.resolve(name);
            OutputOptions options = OutputOptions.defaults();
            TestMedia.writeClip(whole, options, 96, 64, 20, Rational.of(25, 1));
            byte[] bytes = Files.readAllBytes(whole);
            for (int i = bytes.length / 2; i < bytes.length / 2 + 1000; i++) {
                bytes[i] ^= (byte) 0x5a;
            }
            Path corrupt = Files.write(dir.resolve("corrupt-" + name), bytes);
            assertThatThrownBy(() -> {
                try (MediaSource source = MediaReader.open(corrupt)) {
                    for (Frame next; (next = source.next()) != null; ) {
                        next.close();
                    }
                }
            }).as(name).isInstanceOf(InvalidInputException.class).hasMessageContaining("corrupt-" + name)
                    .hasMessageContaining("decode error");
        }
    }

    private static void assertRefused(Path input, String expected) {
        assertThatThrownBy(() -> MediaReader.open(input).close())
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(expected)
                .hasMessageContaining(input.getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThatThrownBy(() -> MediaReader.probe(input)).isInstanceOf(InvalidInputException.class);
    }

    private Path cutInHalf(Path whole, String name) throws IOException {
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve(name), Arrays.copyOf(bytes, bytes.length / 2));
    }

    private String[] outputsBesides(Path... inputs) {
        return Arrays.stream(dir.toFile().list())
                .filter(n -> Arrays.stream(inputs).noneMatch(p -> p.getFileName().toString().equals(n)))
                .toArray(String[]::new);
    }

    /** A PNG signature and a valid IHDR chunk (correct CRC) claiming the given size, with no image data. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
