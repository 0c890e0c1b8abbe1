package dev.storycore.enhance.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC4;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_quality.QualitySSIM;
import org.junit.jupiter.api.Test;

class ImageQualityTest {

    @Test
    void identicalPicturesScoreInfinitePsnrAndSsimOne() {
        try (Mat a = texture(64, 48, 1)) {
            ImageQuality.Score s = ImageQuality.scoreY(a, a, 2);
            assertThat(s.psnr()).isInfinite();
            assertThat(s.ssim()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Test
    void psnrOfAConstantOffsetFollowsTheDefinition() {
        try (Mat a = new Mat(40, 40, CV_8UC1, new Scalar(100)); Mat b = new Mat(40, 40, CV_8UC1, new Scalar(105))) {
            assertThat(ImageQuality.psnr(a, b)).isCloseTo(10 * Math.log10(255.0 * 255.0 / 25.0), within(1e-9));
            // Y of grey g is 16 + 219 g / 255, so the offset shrinks by 219/255 on the Y channel.
            double dy = 5 * 219.0 / 255.0;
            assertThat(ImageQuality.psnrY(a, b, 4)).isCloseTo(10 * Math.log10(255.0 * 255.0 / (dy * dy)), within(1e-9));
        }
    }

    @Test
    void lumaIsBt601StudioSwing() {
        try (Mat white = new Mat(2, 2, CV_8UC3, new Scalar(255, 255, 255, 0));
             Mat black = new Mat(2, 2, CV_8UC3, new Scalar(0, 0, 0, 0));
             Mat red = new Mat(2, 2, CV_8UC3, new Scalar(0, 0, 255, 0)); // BGR order
             Mat blue16 = new Mat(2, 2, CV_16UC3, new Scalar(65535, 0, 0, 0));
             Mat yw = ImageQuality.lumaY(white); Mat yb = ImageQuality.lumaY(black);
             Mat yr = ImageQuality.lumaY(red); Mat yBlue = ImageQuality.lumaY(blue16)) {
            assertThat(at(yw)).isCloseTo(235.0, within(1e-9));
            assertThat(at(yb)).isCloseTo(16.0, within(1e-9));
            assertThat(at(yr)).isCloseTo(16.0 + 65.481, within(1e-9));
            assertThat(at(yBlue)).isCloseTo(16.0 + 24.966, within(1e-9));
        }
    }

    @Test
    void ssimOfTwoFlatPicturesIsTheLuminanceTerm() {
        double c1 = 6.5025;
        try (Mat a = new Mat(32, 32, CV_8UC1, new Scalar(80)); Mat b = new Mat(32, 32, CV_8UC1, new Scalar(120))) {
            double expected = (2 * 80.0 * 120 + c1) / (80.0 * 80 + 120.0 * 120 + c1);
            assertThat(ImageQuality.ssim(a, b)).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void ssimMatchesOpenCvQualitySsimOnTheValidRegion() {
        try (Mat ref = texture(96, 80, 7); Mat noisy = noisy(ref, 12)) {
            double ours = ImageQuality.ssim(ref, noisy);
            try (Mat map = new Mat()) {
                QualitySSIM.compute(ref, noisy, map);
                try (Mat inner = new Mat(map, new Rect(5, 5, map.cols() - 10, map.rows() - 10))) {
                    Scalar perChannel = mean(inner);
                    double theirs = (perChannel.get(0) + perChannel.get(1) + perChannel.get(2)) / 3;
                    assertThat(ours).isCloseTo(theirs, within(1e-4));
                }
            }
            assertThat(ours).isBetween(0.1, 0.99);
        }
    }

    @Test
    void moreNoiseScoresWorse() {
        try (Mat ref = texture(64, 64, 3); Mat little = noisy(ref, 3); Mat lots = noisy(ref, 20)) {
            ImageQuality.Score good = ImageQuality.scoreY(ref, little, 2);
            ImageQuality.Score bad = ImageQuality.scoreY(ref, lots, 2);
            assertThat(good.psnr()).isGreaterThan(bad.psnr() + 10);
            assertThat(good.ssim()).isGreaterThan(bad.ssim());
        }
    }

    @Test
    void alphaIsIgnored() {
        try (Mat a = new Mat(20, 20, CV_8UC4, new Scalar(10, 20, 30, 0));
             Mat b = new Mat(20, 20, CV_8UC4, new Scalar(10, 20, 30, 255))) {
            assertThat(ImageQuality.psnr(a, b)).isInfinite();
        }
    }

    @Test
    void mismatchedPicturesAreRejectedWithBothSizes() {
        try (Mat a = new Mat(20, 20, CV_8UC3); Mat b = new Mat(21, 20, CV_8UC3)) {
            assertThatThrownBy(() -> ImageQuality.psnrY(a, b, 0)).hasMessageContaining("20x20").hasMessageContaining("20x21");
            assertThatThrownBy(() -> ImageQuality.psnrY(a, a, 10)).hasMessageContaining("shave 10");
        }
    }

    private static double at(Mat y) {
        try (DoubleIndexer idx = y.createIndexer()) {
            assertThat(y.type()).isEqualTo(CV_64F);
            return idx.get(0, 0);
        }
    }

    /** A smooth random texture (blurred uniform noise), 8-bit BGR. */
    static Mat texture(int w, int h, long seed) {
        setRNGSeed((int) seed);
        Mat m = new Mat(h, w, CV_8UC3);
        randu(m, new Mat(1, 1, CV_64F, new Scalar(0)), new Mat(1, 1, CV_64F, new Scalar(255)));
        GaussianBlur(m, m, new Size(0, 0), 2.0);
        return m;
    }

    static Mat noisy(Mat ref, double sigma) {
        try (Mat noise = new Mat(ref.size(), org.bytedeco.opencv.global.opencv_core.CV_16SC3);
             Mat wide = new Mat()) {
            randn(noise, new Mat(1, 1, CV_64F, new Scalar(0)), new Mat(1, 1, CV_64F, new Scalar(sigma)));
            ref.convertTo(wide, org.bytedeco.opencv.global.opencv_core.CV_16SC3);
            org.bytedeco.opencv.global.opencv_core.add(wide, noise, wide);
            Mat out = new Mat();
            wide.convertTo(out, CV_8UC3);
            return out;
        }
    }
}
