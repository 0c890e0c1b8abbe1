package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.store.ModelStore;
import dev.storycore.enhance.video.Images;
import dev.storycore.enhance.video.MediaInfo;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSink;
import dev.storycore.enhance.video.MediaWriter;
import dev.storycore.enhance.video.OutputOptions;
import dev.storycore.enhance.video.VideoCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end: the real command line, in-process, on real files in a temporary folder. */
class EnhanceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // ---- what works -------------------------------------------------------------------------------------------

    @Test
    void anImageIsUpscaledBesideItselfAndTheJsonSummarySaysHow() throws Exception {
        Path in = picture(dir.resolve("photo.png"), 40, 30, 0);

        Cli.Result r = Cli.run("enhance", in.toString(), "--upscale", "2", "--quality", "preview", "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path out = dir.resolve("photo.x2.png");
        try (Frame f = Images.read(out)) {
            assertThat(f.width()).isEqualTo(80);
            assertThat(f.height()).isEqualTo(60);
        }
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("output").asText()).isEqualTo(out.toString());
        assertThat(json.get("kind").asText()).isEqualTo("image");
        assertThat(json.get("frames").asLong()).isEqualTo(1);
        assertThat(json.get("method").asText()).isEqualTo("bicubic");
        assertThat(json.get("outputSize").asText()).isEqualTo("80x60");
        assertThat(json.get("stages").findValuesAsText("name")).containsExactly("decode", "upscale", "encode");
        assertThat(json.get("bottleneck").asText()).isIn("decode", "upscale", "encode");
        assertThat(r.err()).as("no progress bar for one image").isEmpty();
    }

    @Test
    void withoutTheModelStandardQualityFallsBackToLanczosAndSaysHowToGetIt() throws Exception {
        Path in = picture(dir.resolve("small.png"), 24, 16, 0);
        Path noModels = Files.createDirectory(dir.resolve("no-models"));

        Cli.Result r = Cli.run("enhance", in.toString(), "-o", dir.resolve("big.png").toString(), "--json",
                "--model-dir", noModels.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("method").asText()).isEqualTo("lanczos");
        assertThat(json.get("model").isNull()).isTrue();
        assertThat(json.get("fallbackReason").asText()).contains("esrgan-slim-x2").contains("models fetch");
        assertThat(r.err()).contains("models fetch");
        try (Frame f = Images.read(dir.resolve("big.png"))) {
            assertThat(f.width()).isEqualTo(48);
        }
    }

    @Test
    void withTheModelFetchedStandardQualityRunsTheNetwork() throws Exception {
        Assumptions.assumeTrue(ModelStore.openDefault().isAvailable(ModelCatalog.load().require("esrgan-slim-x2")),
                "esrgan-slim-x2 is not fetched (./storycore models fetch); skipping the neural end-to-end test");
        Path in = picture(dir.resolve("small.png"), 24, 16, 0);

        Cli.Result r = Cli.run("enhance", in.toString(), "--json");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("method").asText()).isEqualTo("model");
        assertThat(json.get("model").asText()).isEqualTo("esrgan-slim-x2");
        assertThat(json.get("fallbackReason").isNull()).isTrue();
        try (Frame f = Images.read(dir.resolve("small.x2.png"))) {
            assertThat(f.width()).isEqualTo(48);
        }
    }

    // ---- model problems: exit 4 -------------------------------------------------------------------------------

    @Test
    void anUnknownOrMissingModelNamedExplicitlyIsAModelProblem() throws Exception {
        Path in = picture(dir.resolve("photo.png"), 8, 8, 0);
        Cli.Result unknown = Cli.run("enhance", in.toString(), "--model", "esrgan-huge-x2");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.MODEL);
        assertThat(unknown.err()).startsWith("error: unknown model 'esrgan-huge-x2'").contains("models list");

        Path noModels = Files.createDirectory(dir.resolve("no-models"));
        Cli.Result missing = Cli.run("enhance", in.toString(), "--model", "esrgan-medium-x2", "--model-dir",
                noModels.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.MODEL);
        assertThat(missing.err()).contains("esrgan-medium-x2").contains("models fetch");
        assertThat(names(dir)).containsExactly("no-models", "photo.png");
    }

    @Test
    void aFolderGivesAFolderWithTheSameNamesAndShowsProgress() throws Exception {
        Path photos = Files.createDirectory(dir.resolve("photos"));
        picture(photos.resolve("a.png"), 20, 10, 10);
        picture(photos.resolve("b.jpg"), 30, 20, 100);
        picture(photos.resolve("c.png"), 16, 16, 200);

        Cli.Result r = Cli.run("enhance", photos.toString(), "--upscale", "3", "--quality", "preview");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path out = dir.resolve("photos.x3");
        assertThat(names(out)).containsExactly("a.png", "b.jpg", "c.png");
        try (Frame f = Images.read(out.resolve("b.jpg"))) {
            assertThat(f.width()).isEqualTo(90);
            assertThat(f.height()).isEqualTo(60);
        }
        assertThat(r.err()).contains("3/3 images");
        assertThat(r.out()).contains("wrote " + out).contains("3 images");
    }

    @Test
    void aVideoBecomesAnMp4WithEveryFrameUpscaledAndProgressOnStderr() throws Exception {
        Path in = video(dir.resolve("clip.mkv"), 12, 64, 48);

        Cli.Result r = Cli.run("enhance", in.toString(), "--upscale", "2", "--quality", "preview");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path out = dir.resolve("clip.x2.mp4");
        MediaInfo info = MediaReader.probe(out);
        assertThat(info.video().width()).isEqualTo(128);
        assertThat(info.video().height()).isEqualTo(96);
        assertThat(countFrames(out)).isEqualTo(12);
        assertThat(r.err()).contains("12/12 frames").contains("fps");
        assertThat(r.out()).contains("12 frames").contains("bottleneck");
    }

    @Test
    void quietPrintsNothingAndAnExactSizeIsHonoured() throws Exception {
        Path in = video(dir.resolve("clip.mkv"), 4, 64, 48);
        Path out = dir.resolve("exact.mp4");

        Cli.Result r = Cli.run("enhance", in.toString(), "-o", out.toString(), "--width", "100", "--height", "76",
                "--quality", "preview", "--quiet");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEmpty();
        assertThat(MediaReader.probe(out).video().width()).isEqualTo(100);
    }

    // ---- bad usage: exit 2 ------------------------------------------------------------------------------------

    @Test
    void impossibleSettingsAreBadUsage() throws Exception {
        Path in = picture(dir.resolve("photo.png"), 8, 8, 0);
        Cli.Result five = Cli.run("enhance", in.toString(), "--upscale", "5");
        assertThat(five.exitCode()).as(five.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("enhance").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Result r = Cli.run("enhance", in.toString(), "--quality", "ultra");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("ultra");
        assertThat(names(dir)).containsExactly("photo.png");
    }

    // ---- bad input: exit 3, one line, nothing left behind ------------------------------------------------------

    @Test
    void anEmptyFileIsBadInput() throws Exception {
        Path in = Files.createFile(dir.resolve("empty.mp4"));
        assertBadInput(in, "empty");
    }

    @Test
    void aFileThatIsNotMediaIsBadInput() throws Exception {
        Path in = Files.writeString(dir.resolve("notes.mp4"), "shopping list: eggs, milk, flour\n".repeat(50));
        assertBadInput(in, "notes.mp4");
    }

    @Test
    void aTruncatedVideoIsBadInput() throws Exception {
        Path whole = video(dir.resolve("whole.mkv"), 40, 64, 48);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.mkv"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(whole);
        assertBadInput(cut, "cut.mkv");
    }

    @Test
    void aPngWhoseHeaderClaimsTenGigapixelsIsBadInputBeforeAnythingIsDecoded() throws Exception {
        Path in = Files.write(dir.resolve("huge.png"), pngHeader(100_000, 100_000));
        assertBadInput(in, "100000x100000");
    }

    @Test
    void aBadImageInAFolderIsSkippedAndReportedWhileTheOthersAreWritten() throws Exception {
        Path photos = Files.createDirectory(dir.resolve("photos"));
        picture(photos.resolve("a.png"), 20, 10, 10);
        Files.createFile(photos.resolve("b.png"));
        picture(photos.resolve("c.png"), 16, 16, 200);

        Cli.Result r = Cli.run("enhance", photos.toString(), "--quality", "preview", "--json");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(names(dir.resolve("photos.x2"))).containsExactly("a.png", "c.png");
        assertThat(r.err()).contains("skipped b.png").contains("error: 1 of 3 images could not be enhanced");
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("frames").asLong()).isEqualTo(2);
        assertThat(json.get("failed").get(0).asText()).startsWith("b.png: ");
    }

    @Test
    void theOutputCannotBeTheInputItself() throws Exception {
        Path in = picture(dir.resolve("photo.png"), 8, 8, 0);
        long before = Files.size(in);
        Cli.Result r = Cli.run("enhance", in.toString(), "-o", in.toString(), "--quality", "preview");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is the input itself");
        assertThat(Files.size(in)).isEqualTo(before);

        Path photos = Files.createDirectory(dir.resolve("photos"));
        picture(photos.resolve("a.png"), 8, 8, 0);
        Cli.Result folder = Cli.run("enhance", photos.toString(), "-o", photos.toString(), "--quality", "preview");
        assertThat(folder.exitCode()).as(folder.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(names(photos)).containsExactly("a.png");
    }

    @Test
    void aFolderWithoutImagesIsBadInput() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("nothing"));
        Cli.Result r = Cli.run("enhance", empty.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(names(dir)).containsExactly("nothing");
    }

    private void assertBadInput(Path in, String mentioned) throws IOException {
        List<String> before = names(dir);
        for (String[] extra : new String[][] {{}, {"--json"}}) {
            String[] args = Stream.concat(Stream.of("enhance", in.toString(), "--upscale", "2", "--quality", "preview"),
                    Stream.of(extra)).toArray(String[]::new);
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
            // one line of reason; a video may have shown its progress line before the damage was met
            List<String> lines = r.err().lines().filter(l -> !l.isBlank() && !l.startsWith("[")).toList();
            assertThat(lines).as(r.toString()).hasSize(1)
                    .allSatisfy(l -> assertThat(l).startsWith("error: ").contains(mentioned));
            assertThat(r.out()).isEmpty();
            assertThat(names(dir)).as("nothing is left behind").isEqualTo(before);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Path picture(Path file, int width, int height, int grey) {
        try (Mat m = new Mat(height, width, CV_8UC3, new Scalar(grey, 255 - grey, (grey * 7) % 256, 0));
             Frame f = Frame.of(m.clone())) {
            for (int y = 0; y < height; y++) {
                f.image().ptr(y, (y * 3) % width).put((byte) 255);
            }
            Images.write(file, f);
        }
        return file;
    }

    private static Path video(Path file, int frames, int width, int height) {
        try (MediaSink sink = MediaWriter.open(file, OutputOptions.defaults().withCodec(VideoCodec.FFV1)
                .withFrameRate(Rational.of(10, 1)))) {
            for (int i = 0; i < frames; i++) {
                try (Frame f = new Frame(new Mat(height, width, CV_8UC3, new Scalar(i * 10, 128, 255 - i * 10, 0)), i,
                        i * 100_000L)) {
                    f.image().ptr(i % height, (i * 5) % width).put((byte) 255);
                    sink.write(f);
                }
            }
            sink.finish();
        }
        return file;
    }

    private static long countFrames(Path video) {
        long n = 0;
        try (var source = MediaReader.open(video)) {
            for (Frame f; (f = source.next()) != null; n++) {
                f.close();
            }
        }
        return n;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A PNG signature, an IHDR chunk declaring the given size (8-bit RGB) with a correct CRC, and IEND. */
    private static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 2, 0, 0, 0});
        chunk(out, ihdr.toByteArray());
        chunk(out, "IEND".getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, byte[] typeAndData) throws IOException {
        out.writeInt(typeAndData.length - 4);
        out.write(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        out.writeInt((int) crc.getValue());
    }
}
