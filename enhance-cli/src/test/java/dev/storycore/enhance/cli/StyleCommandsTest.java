package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.testing.TestPictures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StyleCommandsTest {
    @TempDir
    Path dir;

    private Path picture() {
        Path in = dir.resolve("photo.png");
        try (Mat m = TestPictures.texture(96, 64, opencv_core.CV_8UC3, 3)) {
            opencv_imgcodecs.imwrite(in.toString(), m);
        }
        return in;
    }

    @Test
    void stylesListsEveryStyleWithItsParameters() {
        Cli.Result r = Cli.run("styles");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String s : new String[] {"impressionist", "cubist", "abstract", "watercolor", "oil_painting", "sketch",
            "anime", "comic", "mosaic", "pointillism"}) {
            assertThat(r.out()).contains(s + "  ");
        }
        assertThat(r.out()).contains("brush_size").contains("a number from 0.25 to 4").contains("Hertzmann");
    }

    @Test
    void aContactSheetHoldsTheOriginalAndAllTenStyles() {
        Path sheet = dir.resolve("sheet.png");
        Cli.Result r = Cli.run("styles", "--contact-sheet", picture().toString(), "-o", sheet.toString(), "--tile", "96");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (Mat m = opencv_imgcodecs.imread(sheet.toString())) {
            assertThat(m.cols()).isEqualTo(4 * 96);
            assertThat(m.rows()).isEqualTo(3 * (64 + 30));
        }
    }

    @Test
    void enhanceWithOnlyAStyleStylizesWithoutUpscaling() {
        Path in = picture();
        Path out = dir.resolve("styled.png");
        Cli.Result r = Cli.run("enhance", in.toString(), "-o", out.toString(), "--style", "sketch", "--strength", "0.9");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (Mat a = opencv_imgcodecs.imread(in.toString()); Mat b = opencv_imgcodecs.imread(out.toString())) {
            assertThat(b.cols()).isEqualTo(a.cols());
            assertThat(TestPictures.maxAbsDiff(a, b)).isGreaterThan(40);
        }
    }

    @Test
    void styleAndUpscaleRunInOnePass() {
        Path in = picture();
        Cli.Result r = Cli.run("enhance", in.toString(), "--style", "comic", "--upscale", "2", "--quality", "preview");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Path out = dir.resolve("photo.x2.comic.png");
        assertThat(Files.exists(out)).as(r.toString()).isTrue();
        try (Mat b = opencv_imgcodecs.imread(out.toString())) {
            assertThat(b.cols()).isEqualTo(192);
        }
        assertThat(r.out()).contains("style:comic");
    }

    @Test
    void anUnknownStyleOrBadParameterIsBadInput() {
        Path in = picture();
        assertThat(Cli.run("enhance", in.toString(), "--style", "cubism").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        Cli.Result r = Cli.run("enhance", in.toString(), "--style", "sketch", "--style-param", "line_width=50");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("line_width");
    }
}
