package dev.storycore.enhance.ops.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.testing.TestPictures;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TensorTranslatorTest {

    @Test
    void tensorIsNchwRgbInTheModelsRange() {
        try (Mat bgr = new Mat(2, 3, CV_8UC3, new Scalar(10, 20, 30, 0))) {
            FloatTensor unit = new TensorTranslator(ValueRange.UNIT).toTensor(bgr);
            assertThat(unit.shape()).containsExactly(1, 3, 2, 3);
            assertThat(unit.data()[0]).as("R plane first").isCloseTo(30 / 255f, within(1e-6f));
            assertThat(unit.data()[6]).as("then G").isCloseTo(20 / 255f, within(1e-6f));
            assertThat(unit.data()[12]).as("then B").isCloseTo(10 / 255f, within(1e-6f));
            FloatTensor bytes = new TensorTranslator(ValueRange.BYTE).toTensor(bgr);
            assertThat(bytes.data()[0]).isEqualTo(30f);
            FloatTensor signed = new TensorTranslator(new ValueRange(-1f, 1f)).toTensor(bgr);
            assertThat(signed.data()[0]).isCloseTo(-1f + 2f * 30 / 255f, within(1e-6f));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 18}) // CV_8UC3, CV_16UC3
    void roundTripIsExactFor8And16Bits(int type) {
        for (ValueRange range : new ValueRange[] {ValueRange.UNIT, ValueRange.BYTE, new ValueRange(-1f, 1f)}) {
            try (Mat picture = TestPictures.texture(37, 23, type, 5); Mat back = new Mat(23, 37, type);
                 Rect all = new Rect(0, 0, 37, 23)) {
                TensorTranslator t = new TensorTranslator(range);
                t.writeRegion(t.toTensor(picture), all, back);
                assertThat(TestPictures.maxAbsDiff(picture, back)).as("range " + range).isZero();
            }
        }
    }

    @Test
    void outputIsClippedToTheRangeAndRoundedHalfToEven() {
        // R values of 4 pixels: above range, below range, 2.5 and 3.5 grey levels.
        float[] data = new float[3 * 4];
        float[] red = {1.3f, -0.2f, 2.5f / 255f, 3.5f / 255f};
        System.arraycopy(red, 0, data, 0, 4);
        FloatTensor tensor = new FloatTensor(data, new long[] {1, 3, 1, 4});
        try (Mat out = new Mat(1, 4, CV_8UC3); Rect all = new Rect(0, 0, 4, 1)) {
            new TensorTranslator(ValueRange.UNIT).writeRegion(tensor, all, out);
            try (UByteIndexer idx = out.createIndexer()) {
                assertThat(idx.get(0, 0, 2)).isEqualTo(255);
                assertThat(idx.get(0, 1, 2)).isEqualTo(0);
                assertThat(idx.get(0, 2, 2)).isEqualTo(2);
                assertThat(idx.get(0, 3, 2)).isEqualTo(4);
            }
        }
    }

    @Test
    void writesOnlyTheRegionIntoARoi() {
        float[] data = new float[3 * 4 * 4];
        java.util.Arrays.fill(data, 1f);
        FloatTensor white = new FloatTensor(data, new long[] {1, 3, 4, 4});
        try (Mat canvas = new Mat(6, 6, CV_8UC3, new Scalar(0, 0, 0, 0));
             Rect place = new Rect(2, 3, 2, 2); Mat roi = new Mat(canvas, place); Rect region = new Rect(1, 1, 2, 2)) {
            new TensorTranslator(ValueRange.UNIT).writeRegion(white, region, roi);
            assertThat(org.bytedeco.opencv.global.opencv_core.countNonZero(
                    new Mat(canvas.reshape(1, 0)))).isEqualTo(4 * 3);
            try (UByteIndexer idx = canvas.createIndexer()) {
                assertThat(idx.get(3, 2, 0)).isEqualTo(255);
                assertThat(idx.get(4, 3, 1)).isEqualTo(255);
                assertThat(idx.get(2, 2, 0)).isEqualTo(0);
            }
        }
    }
}
