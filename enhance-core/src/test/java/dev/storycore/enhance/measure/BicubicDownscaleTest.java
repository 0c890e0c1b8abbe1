package dev.storycore.enhance.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.testing.TestPictures;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BicubicDownscaleTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void weightsMatchMatlabsAntialiasedCubicAndReproduceARamp(int factor) {
        int in = 24 * factor;
        try (Mat w = BicubicDownscale.weights(in, 24, factor); DoubleIndexer idx = w.createIndexer()) {
            for (int i = 0; i < 24; i++) {
                double sum = 0;
                double position = 0;
                for (int j = 0; j < in; j++) {
                    sum += idx.get(i, j);
                    position += idx.get(i, j) * (j + 1);
                }
                assertThat(sum).isCloseTo(1.0, within(1e-12));
                if (i >= 2 && i < 22) { // away from the mirrored edges a cubic kernel reproduces a linear ramp
                    assertThat(position).isCloseTo((i + 1) * (double) factor + 0.5 * (1 - factor), within(1e-9));
                }
            }
        }
    }

    @Test
    void twoToOneWeightsAreTheKnownMatlabTaps() {
        // imresize(.., 0.5, 'bicubic'): taps at distances 3.5, 2.5, 1.5, 0.5 (both sides) of the output centre.
        try (Mat w = BicubicDownscale.weights(20, 10, 2); DoubleIndexer idx = w.createIndexer()) {
            double[] expected = {-0.0234375, -0.0703125, 0.2265625, 0.8671875};
            double norm = 2 * (expected[0] + expected[1] + expected[2] + expected[3]);
            // output 5 (0-based 4) is centred between source pixels 9 and 10 (1-based), i.e. 0-based 8 and 9.
            for (int k = 0; k < 4; k++) {
                assertThat(idx.get(4, 5 + k)).isCloseTo(expected[k] / norm, within(1e-12));
                assertThat(idx.get(4, 12 - k)).isCloseTo(expected[k] / norm, within(1e-12));
            }
        }
    }

    @Test
    void flatPicturesStayFlatAndSizesShrink() {
        try (Mat flat = new Mat(30, 45, CV_8UC3, new Scalar(17, 130, 250, 0)); Mat small = BicubicDownscale.shrink(flat, 3)) {
            assertThat(small.cols()).isEqualTo(15);
            assertThat(small.rows()).isEqualTo(10);
            assertThat(small.type()).isEqualTo(CV_8UC3);
            assertThat(TestPictures.maxAbsDiff(small, new Mat(10, 15, CV_8UC3, new Scalar(17, 130, 250, 0)))).isZero();
        }
    }

    @Test
    void sizesThatAreNotAMultipleAreRefusedAndCropHelps() {
        try (Mat odd = TestPictures.texture(31, 22, CV_8UC3, 1); Mat cropped = BicubicDownscale.cropToMultiple(odd, 4)) {
            assertThatThrownBy(() -> BicubicDownscale.shrink(odd, 4)).hasMessageContaining("cropToMultiple");
            assertThat(cropped.cols()).isEqualTo(28);
            assertThat(cropped.rows()).isEqualTo(20);
            try (Mat small = BicubicDownscale.shrink(cropped, 4)) {
                assertThat(small.cols()).isEqualTo(7);
            }
        }
    }
}
