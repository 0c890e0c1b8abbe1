package dev.storycore.enhance.bench.tfjs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.enhance.model.FloatTensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfjsSpeedComparisonTest {
    @Test
    void mediansOfOddAndEvenCounts() {
        assertThat(Timing.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
        assertThat(Timing.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    }

    @Test
    void outputsAreComparedPositionByPositionAcrossLayouts() {
        // 2 channels, 1x2 pixels. NCHW: c0=[1,2], c1=[3,4]; the same picture in NHWC is [1,3, 2,4].
        FloatTensor nchw = new FloatTensor(new float[] {1, 2, 3, 4}, new long[] {1, 2, 1, 2});
        assertThat(TfjsSpeedComparison.maxAbsDiff(nchw, new float[] {1, 3, 2, 4})).isZero();
        assertThat(TfjsSpeedComparison.maxAbsDiff(nchw, new float[] {1, 3, 2, 4.5f})).isEqualTo(0.5);
        assertThat(TfjsSpeedComparison.maxAbsDiff(nchw, new float[] {1, 2, 3, 4})).isEqualTo(1.0);
    }

    @Test
    void theReportGivesRatiosToOnnxRuntime() {
        var onnx = new TfjsSpeedComparison.Row("ONNX Runtime", 2, new Timing(List.of(100.0, 110.0, 90.0),
                List.of(180.0, 200.0, 190.0)), 0);
        var wasm = new TfjsSpeedComparison.Row("TF.js wasm", 1, new Timing(List.of(300.0), List.of(380.0)), 0.0002);
        String text = new TfjsSpeedComparison.Report("esrgan-slim-x2", 2, 128, 128, "4.11.0", List.of(onnx, wasm)).format();
        assertThat(text).contains("128x128 fixture -> 256x256").contains("3.00x").contains("2.00x").contains("0.0002");
    }
}
