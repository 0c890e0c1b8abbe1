package dev.storycore.enhance.ops.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxAttribute;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.ops.FrameOperation;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny fast-style network made in the test: a 1x1 convolution that maps RGB to (255 - B, G, R) on the
 * 0..255 scale, i.e. 1x3xHxW float in and out like the public fast-neural-style exports.
 */
class NeuralStyleTest {
    @TempDir
    Path dir;

    private Path model() {
        // out_c = sum_k W[c][k] * in_k + bias_c; channels in RGB order.
        float[] weights = {
            0, 0, -1,  // out R = 255 - B
            0, 1, 0,   // out G = G
            1, 0, 0,   // out B = R
        };
        Path file = dir.resolve("swap.onnx");
        new OnnxGraphBuilder("tiny-style")
                .input("input", Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"))
                .initializer("w", new long[] {3, 3, 1, 1}, weights)
                .initializer("b", new long[] {3}, new float[] {255, 0, 0})
                .node("Conv", List.of("input", "w", "b"), List.of("output"), OnnxAttribute.ints("kernel_shape", 1, 1))
                .output("output", Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"))
                .writeTo(file);
        return file;
    }

    @Test
    void aUserStyleModelRunsOnEveryPixel() {
        try (FrameOperation op = Styles.neural(OnnxImageModel.openUserModel(model(), ValueRange.BYTE, 256),
                StyleParams.defaults()); Frame in = StylePictures.frame(64, 48); Frame out = op.apply(in)) {
            byte[] a = Pixels.bytes(in.image());
            byte[] b = Pixels.bytes(out.image());
            for (int i = 0; i < a.length; i += 3) {
                // BGR order: out B = in R, out G = in G, out R = 255 - in B.
                assertThat(Math.abs(Pixels.u(b[i]) - Pixels.u(a[i + 2]))).isLessThanOrEqualTo(1);
                assertThat(Math.abs(Pixels.u(b[i + 1]) - Pixels.u(a[i + 1]))).isLessThanOrEqualTo(1);
                assertThat(Math.abs(Pixels.u(b[i + 2]) - (255 - Pixels.u(a[i])))).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aUserStyleModelWorksInTheTemporalStreamAndAtHalfStrength() {
        try (StyleStream op = Styles.temporalNeural(OnnxImageModel.openUserModel(model(), ValueRange.BYTE, 256),
                StyleParams.defaults().withStrength(0.5), TemporalSettings.defaults());
             Frame in = StylePictures.frame(64, 48); Frame out = op.push(in).get(0)) {
            Mat o = out.image();
            assertThat(o.cols()).isEqualTo(64);
            double change = StylePictures.meanAbsDiff(in.image(), o);
            assertThat(change).isGreaterThan(5.0);
        }
    }

    @Test
    void aModelThatChangesTheSizeIsRefused() {
        Path file = dir.resolve("up.onnx");
        new OnnxGraphBuilder("up")
                .input("input", Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"))
                .initializer("scales", new long[] {4}, new float[] {1, 1, 2, 2})
                .node("Resize", List.of("input", "", "scales"), List.of("output"), OnnxAttribute.of("mode", "nearest"))
                .output("output")
                .writeTo(file);
        try (OnnxImageModel m = OnnxImageModel.openUserModel(file, ValueRange.BYTE, 256)) {
            assertThatThrownBy(() -> Styles.neural(m, StyleParams.defaults())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("must keep");
        }
    }
}
