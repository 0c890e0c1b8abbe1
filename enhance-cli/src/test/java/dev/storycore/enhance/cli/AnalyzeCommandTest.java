package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.ops.quality.Degradation;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    @Test
    void analyzesAnImageAsJsonWithEightDimensionsAndANoiseIssue() throws Exception {
        Path file = dir.resolve("noisy.png");
        try (Mat smooth = gradient(); Mat noisy = Degradation.GAUSSIAN_NOISE_25.apply(smooth, 1)) {
            imwrite(file.toString(), noisy);
        }
        Cli.Result r = Cli.run("analyze", file.toString(), "--json");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("kind").asText()).isEqualTo("image");
        assertThat(root.get("dimensions").size()).isEqualTo(8);
        assertThat(root.get("dimensions").get("noise").get("measurements").get("sigma").asDouble()).isBetween(21.0, 29.0);
        assertThat(root.get("issues").toString()).contains("\"noise\"");
        assertThat(root.get("suggestions").get(0).get("type").asText()).isEqualTo("denoise");
        assertThat(root.get("dimensions").get("detail").get("measured").asBoolean()).isFalse();
    }

    @Test
    void textOutputNamesTheDimensionsAndAMissingFileIsBadInput() throws Exception {
        Path file = dir.resolve("clean.png");
        try (Mat smooth = gradient()) {
            imwrite(file.toString(), smooth);
        }
        Cli.Result ok = Cli.run("analyze", file.toString());
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(ok.out()).contains("overall", "sharpness", "colour accuracy", "noise level", "artefacts");
        Cli.Result missing = Cli.run("analyze", dir.resolve("nope.png").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private static Mat gradient() {
        Mat small = new Mat(2, 2, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        small.data().put(new byte[] {(byte) 40, (byte) 60, (byte) 200, (byte) 200, (byte) 180, (byte) 30,
            (byte) 90, (byte) 140, (byte) 60, (byte) 230, (byte) 220, (byte) 210});
        Mat big = new Mat();
        opencv_imgproc.resize(small, big, new Size(320, 240), 0, 0, opencv_imgproc.INTER_CUBIC);
        small.close();
        return big;
    }
}
