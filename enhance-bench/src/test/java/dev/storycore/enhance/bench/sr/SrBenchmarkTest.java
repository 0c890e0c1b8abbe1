package dev.storycore.enhance.bench.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxAttribute;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import dev.storycore.enhance.testing.FakeModelLoader;
import dev.storycore.enhance.testing.TestPictures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrBenchmarkTest {

    @Test
    void everyMethodIsScoredOnTheSameInputsAndMissingNetworksAreSkipped(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("Tiny"));
        for (int i = 0; i < 2; i++) {
            try (Mat picture = TestPictures.texture(101, 77, CV_8UC3, i)) {
                imwrite(data.resolve("p" + i + ".png").toString(), picture);
            }
        }
        Path crops = tmp.resolve("crops");
        List<String> lines = new ArrayList<>();
        SrBenchReport report = new SrBenchmark(FakeModelLoader.withFakes("esrgan-slim-x2", "esrgan-slim-x3"))
                .run(data, List.of(2, 3), List.of("bicubic", "lanczos", "esrgan-slim", "esrgan-medium"), 32, crops, lines::add);

        assertThat(report.dataset()).isEqualTo("Tiny");
        assertThat(report.images()).isEqualTo(2);
        assertThat(report.rows()).hasSize(8);
        assertThat(lines).hasSize(2 * 2 * 3);
        for (SrBenchReport.Row row : report.rows()) {
            if (row.method().equals("esrgan-medium")) {
                assertThat(row.skipped()).isTrue();
                assertThat(row.note()).contains("./storycore models fetch esrgan-medium-x" + row.scale());
            } else {
                assertThat(row.psnr()).isBetween(15.0, 60.0);
                assertThat(row.ssim()).isBetween(0.2, 1.0);
                assertThat(row.megapixelsPerSecond()).isPositive();
            }
        }
        // The blurred texture is smooth, so interpolation beats the fake network's 5x5 box blur.
        SrBenchReport.Row bicubic = row(report, 2, "bicubic");
        assertThat(bicubic.psnr()).isGreaterThan(row(report, 2, "esrgan-slim").psnr());
        assertThat(report.table()).contains("x2", "bicubic", "esrgan-slim", "skipped: esrgan-medium-x2 not fetched", "+0.000");

        Path sheet = crops.resolve("Tiny-p0-x3.png");
        assertThat(sheet).exists();
        try (Mat m = imread(sheet.toString())) {
            int crop = Math.min(CropSheet.CROP, 75); // 101x77 cropped to a multiple of 3 = 99x75
            assertThat(m.cols()).isEqualTo(4 * crop * 2); // bicubic | lanczos | slim | original
        }
    }

    /** An ONNX file ("onnx:PATH") runs through the operation at its own factor; other factors are skipped. */
    @Test
    void anOnnxFileIsBenchmarkedAtItsOwnScale(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("Tiny"));
        try (Mat picture = TestPictures.texture(64, 48, CV_8UC3, 3)) {
            imwrite(data.resolve("p.png").toString(), picture);
        }
        // Nearest-neighbour x2 as a graph: repeat every channel 4 times (Concat), then DepthToSpace (CRD).
        Path model = tmp.resolve("nearest-x2.onnx");
        new OnnxGraphBuilder("nearest")
                .input("input", Dim.named("n"), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .node("Concat", List.of("input", "input", "input", "input"), List.of("rep"), OnnxAttribute.of("axis", 1))
                .node("DepthToSpace", List.of("rep"), List.of("output"), OnnxAttribute.of("blocksize", 2),
                        OnnxAttribute.of("mode", "DCR"))
                .output("output")
                .writeTo(model);
        SrBenchReport report = new SrBenchmark(new FakeModelLoader())
                .run(data, List.of(2, 3), List.of("bicubic", "onnx:" + model), 0, null, s -> { });
        SrBenchReport.Row nearest = row(report, 2, "nearest-x2");
        assertThat(nearest.skipped()).isFalse();
        assertThat(nearest.psnr()).isBetween(15.0, row(report, 2, "bicubic").psnr());
        assertThat(row(report, 3, "nearest-x2").skipped()).isTrue();
        assertThat(row(report, 3, "nearest-x2").note()).contains("x2 model");
    }

    @Test
    void aMissingDataFolderSaysWhereTheSetsLive(@TempDir Path tmp) {
        assertThatThrownBy(() -> new SrBenchmark(new FakeModelLoader()).run(tmp.resolve("nope"), List.of(2),
                List.of("bicubic"), 0, null, s -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("shared/data/sr");
    }

    private static SrBenchReport.Row row(SrBenchReport report, int scale, String method) {
        return report.rows().stream().filter(r -> r.scale() == scale && r.method().equals(method)).findFirst().orElseThrow();
    }
}
