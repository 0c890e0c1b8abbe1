package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import dev.storycore.enhance.frame.Frame;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif", "webp"})
    void losslessFormatsKeepBgrExactly(String ext) {
        Path file = dir.resolve("img." + ext);
        try (Mat m = TestMedia.picture(73, 41, 3, 5); Frame f = Frame.of(m.clone())) {
            Images.write(file, f, 101); // 101 = lossless WebP
            try (Frame back = Images.read(file)) {
                assertThat(back.channels()).isEqualTo(3);
                assertThat(TestMedia.identical(back.image(), m)).isTrue();
            }
        }
        assertThat(dir.toFile().list()).containsExactly("img." + ext);
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif", "webp"})
    void alphaIsKept(String ext) {
        Path file = dir.resolve("alpha." + ext);
        try (Mat m = TestMedia.picture(50, 30, 4, 1); Frame f = Frame.of(m.clone())) {
            Images.write(file, f, 101);
            try (Frame back = Images.read(file)) {
                assertThat(back.channels()).isEqualTo(4);
                if (ext.equals("webp")) {
                    // libwebp may change the colour of fully transparent pixels even when lossless; alpha is exact
                    try (Mat a = new Mat(); Mat b = new Mat()) {
                        org.bytedeco.opencv.global.opencv_core.extractChannel(back.image(), a, 3);
                        org.bytedeco.opencv.global.opencv_core.extractChannel(m, b, 3);
                        assertThat(TestMedia.identical(a, b)).isTrue();
                    }
                } else {
                    assertThat(TestMedia.identical(back.image(), m)).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "tif"})
    void sixteenBitsAreKept(String ext) {
        Path file = dir.resolve("deep." + ext);
        try (Mat m = TestMedia.picture16(64, 32); Frame f = Frame.of(m.clone())) {
            Images.write(file, f);
            try (Frame back = Images.read(file)) {
                assertThat(back.depth()).isEqualTo(CV_16U);
                assertThat(TestMedia.identical(back.image(), m)).isTrue();
            }
        }
    }

    @Test
    void greyStaysGrey() {
        Path file = dir.resolve("grey.png");
        try (Mat m = TestMedia.picture(40, 40, 1, 0); Frame f = Frame.of(m.clone())) {
            Images.write(file, f);
            try (Frame back = Images.read(file)) {
                assertThat(back.channels()).isEqualTo(1);
                assertThat(TestMedia.identical(back.image(), m)).isTrue();
            }
        }
    }

    @Test
    void jpegIsCloseAndDropsAlpha() {
        Path file = dir.resolve("photo.jpg");
        try (Mat m = TestMedia.picture(120, 80, 4, 2); Frame f = Frame.of(m.clone())) {
            Images.write(file, f);
            try (Frame back = Images.read(file); Mat bgr = new Mat()) {
                org.bytedeco.opencv.global.opencv_imgproc.cvtColor(m, bgr,
                        org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR);
                assertThat(back.channels()).isEqualTo(3);
                assertThat(back.depth()).isEqualTo(CV_8U);
                assertThat(TestMedia.psnr(back.image(), bgr)).isGreaterThan(35.0);
            }
        }
    }
}
