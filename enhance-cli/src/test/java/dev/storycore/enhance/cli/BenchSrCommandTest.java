package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.testing.TestPictures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSrCommandTest {

    @Test
    void benchSrPrintsJsonRowsPerScaleAndMethod(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("Mini"));
        try (Mat picture = TestPictures.texture(64, 48, CV_8UC3, 3)) {
            imwrite(data.resolve("a.png").toString(), picture);
        }
        Cli.Result r = Cli.run("bench", "sr", "--data", data.toString(), "--scales", "2,4",
                "--methods", "bicubic,lanczos", "--json", "--model-dir", tmp.resolve("models").toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("dataset").asText()).isEqualTo("Mini");
        assertThat(json.get("rows")).hasSize(4);
        assertThat(json.get("rows").get(0).get("psnr").asDouble()).isBetween(15.0, 60.0);
        assertThat(r.err()).contains("x2 bicubic");
    }

    @Test
    void benchSrWithoutDataFailsAsBadInput(@TempDir Path tmp) {
        Cli.Result r = Cli.run("bench", "sr", "--data", tmp.resolve("absent").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("shared/data/sr");
    }

    @Test
    void benchSrRejectsFactorsOutsideTwoToEight(@TempDir Path tmp) {
        Cli.Result r = Cli.run("bench", "sr", "--data", tmp.toString(), "--scales", "9");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--scales");
    }
}
