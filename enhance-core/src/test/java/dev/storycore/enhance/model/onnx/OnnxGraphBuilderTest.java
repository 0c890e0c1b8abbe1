package dev.storycore.enhance.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnnxGraphBuilderTest {

    /** x[1,2,H,W] -> Conv 1x1 (3 filters, bias) -> c; Relu(c) * 0.5 -> m; Concat(m, c) on channels -> y[1,6,H,W]. */
    @Test
    void aBuiltGraphRunsInOnnxRuntimeAndMatchesAJavaComputation() throws Exception {
        float[] w = {0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f}; // [3 out][2 in][1][1]
        float[] b = {0.1f, -0.2f, 0.3f};
        byte[] model = new OnnxGraphBuilder("tiny")
                .input("x", Dim.of(1), Dim.of(2), Dim.named("h"), Dim.named("w"))
                .initializer("w", new long[] {3, 2, 1, 1}, w)
                .initializer("b", new long[] {3}, b)
                .initializer("half", new long[0], new float[] {0.5f})
                .node("Conv", List.of("x", "w", "b"), List.of("c"),
                        OnnxAttribute.ints("kernel_shape", 1, 1), OnnxAttribute.ints("pads", 0, 0, 0, 0))
                .node("Relu", List.of("c"), List.of("r"))
                .node("Mul", List.of("r", "half"), List.of("m"))
                .node("Concat", List.of("m", "c"), List.of("y"), OnnxAttribute.of("axis", 1))
                .output("y", Dim.of(1), Dim.of(6), Dim.named("h"), Dim.named("w"))
                .metadata("purpose", "test")
                .toByteArray();

        int h = 3;
        int width = 4;
        float[] x = new float[2 * h * width];
        Random random = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 4 - 2;
        }
        float[] got;
        long[] shape;
        try (OrtSession session = OnnxSessions.open(model, "tiny");
             OnnxTensor in = OnnxTensor.createTensor(OnnxSessions.environment(), FloatBuffer.wrap(x), new long[] {1, 2, h, width});
             OrtSession.Result result = session.run(Map.of("x", in))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            shape = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            got = new float[fb.remaining()];
            fb.get(got);
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("purpose", "test");
        }

        assertThat(shape).containsExactly(1, 6, h, width);
        int plane = h * width;
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p < plane; p++) {
                float c = b[o] + w[o * 2] * x[p] + w[o * 2 + 1] * x[plane + p];
                assertThat(got[o * plane + p]).isCloseTo(Math.max(0, c) * 0.5f, org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(got[(3 + o) * plane + p]).isCloseTo(c, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void aNodeReadingAnUndefinedValueIsRefusedWithItsName() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("g").input("x", Dim.of(1));
        assertThatThrownBy(() -> g.node("Relu", List.of("nope"), List.of("y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'");
    }

    @Test
    void aValueDefinedTwiceIsRefused() {
        OnnxGraphBuilder g = new OnnxGraphBuilder("g").input("x", Dim.of(1));
        g.node("Relu", List.of("x"), List.of("y"));
        assertThatThrownBy(() -> g.node("Relu", List.of("x"), List.of("y")))
                .hasMessageContaining("'y' is defined twice");
    }

    @Test
    void anInitializerWhoseValuesDoNotFitItsShapeIsRefused() {
        assertThatThrownBy(() -> new OnnxGraphBuilder("g").initializer("w", new long[] {2, 2}, new float[3]))
                .hasMessageContaining("needs 4 values, got 3");
    }
}
