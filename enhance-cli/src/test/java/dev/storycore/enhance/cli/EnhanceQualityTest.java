package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.ops.quality.Degradation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnhanceQualityTest {
    @TempDir
    Path dir;

    @Test
    void autoQualityAloneDenoisesAndKeepsTheSize() {
        Path in = dir.resolve("noisy.png");
        try (Mat clean = picture(); Mat noisy = Degradation.GAUSSIAN_NOISE_15.apply(clean, 4)) {
            imwrite(in.toString(), noisy);
            Cli.Result r = Cli.run("enhance", in.toString(), "--auto-quality", "-q");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Path out = dir.resolve("noisy.quality.png");
            assertThat(Files.exists(out)).as(r.toString()).isTrue();
            try (Mat result = imread(out.toString())) {
                assertThat(result.cols()).isEqualTo(clean.cols());
                assertThat(ImageQuality.psnr(clean, result)).isGreaterThan(ImageQuality.psnr(clean, noisy) + 3);
            }
        }
    }

    @Test
    void explicitCorrectionsCombineWithUpscalingInOnePass() {
        Path in = dir.resolve("soft.png");
        Path out = dir.resolve("out.png");
        try (Mat clean = picture()) {
            imwrite(in.toString(), clean);
        }
        Cli.Result r = Cli.run("enhance", in.toString(), "-o", out.toString(), "--denoise", "5", "--sharpen", "1.0",
                "--contrast", "--color-correct", "--upscale", "2", "--quality", "preview", "-q");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (Mat result = imread(out.toString())) {
            assertThat(result.cols()).isEqualTo(640);
        }
    }

    @Test
    void aBadLevelIsRefused() {
        Path in = dir.resolve("x.png");
        try (Mat clean = picture()) {
            imwrite(in.toString(), clean);
        }
        Cli.Result r = Cli.run("enhance", in.toString(), "--denoise", "loud");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--denoise");
    }

    private static Mat picture() {
        Mat small = new Mat(3, 3, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
        byte[] v = new byte[27];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (12 + (i * 71) % 232);
        }
        small.data().put(v);
        Mat big = new Mat();
        opencv_imgproc.resize(small, big, new Size(320, 240), 0, 0, opencv_imgproc.INTER_CUBIC);
        small.close();
        return big;
    }
}
