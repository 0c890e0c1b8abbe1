package dev.storycore.enhance.model.waifu2x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.storycore.enhance.errors.ModelException;
import java.io.ByteArrayInputStream;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A small two-layer model in waifu2x's JSON format, converted and run by ONNX Runtime, against a plain-Java reference. */
class Waifu2xJsonImporterTest {
    private static final int H = 9;
    private static final int W = 11;

    @Test
    void convertedModelMatchesAPlainJavaForwardPassAndKeepsTheSize() throws Exception {
        Random r = new Random(3);
        float[][][][] w0 = weights(r, 2, 3);
        float[] b0 = {0.05f, -0.1f};
        float[][][][] w1 = weights(r, 3, 2);
        float[] b1 = {0.2f, 0.0f, -0.05f};
        String json = "[" + layer(w0, b0) + "," + layer(w1, b1) + "]";
        byte[] onnx = Waifu2xJsonImporter.convert(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "tiny");

        float[] input = new float[3 * H * W];
        for (int i = 0; i < input.length; i++) {
            input[i] = r.nextFloat();
        }
        float[] expected = reference(input, w0, b0, w1, b1);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, H, W});
             OrtSession.Result out = session.run(Map.of(Waifu2xJsonImporter.INPUT_NAME, in))) {
            OnnxTensor t = (OnnxTensor) out.get(0);
            assertThat(t.getInfo().getShape()).containsExactly(1, 3, H, W);
            float[] got = new float[3 * H * W];
            t.getFloatBuffer().get(got);
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).as("value %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void aLayerThatIsNotAnUnpaddedConvolutionIsRefusedWithAMessage() {
        String json = "[{\"nInputPlane\":3,\"nOutputPlane\":3,\"kW\":3,\"kH\":3,\"padW\":1,\"padH\":1,"
                + "\"weight\":[],\"bias\":[0,0,0]}]";
        assertThatThrownBy(() -> Waifu2xJsonImporter.convert(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "padded"))
                .isInstanceOf(ModelException.class).hasMessageContaining("vgg_7");
        assertThatThrownBy(() -> Waifu2xJsonImporter.convert(
                new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)), "object"))
                .isInstanceOf(ModelException.class).hasMessageContaining("array");
    }

    private static float[] reference(float[] x, float[][][][] w0, float[] b0, float[][][][] w1, float[] b1) {
        int pad = 2;
        float[][][] p = new float[3][H + 2 * pad][W + 2 * pad];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H + 2 * pad; y++) {
                for (int xx = 0; xx < W + 2 * pad; xx++) {
                    int sy = Math.max(0, Math.min(H - 1, y - pad));
                    int sx = Math.max(0, Math.min(W - 1, xx - pad));
                    p[c][y][xx] = x[(c * H + sy) * W + sx];
                }
            }
        }
        float[][][] a = conv(p, w0, b0);
        for (float[][] plane : a) {
            for (float[] row : plane) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = row[i] < 0 ? 0.1f * row[i] : row[i];
                }
            }
        }
        float[][][] o = conv(a, w1, b1);
        float[] flat = new float[3 * H * W];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < H; y++) {
                for (int xx = 0; xx < W; xx++) {
                    flat[(c * H + y) * W + xx] = o[c][y][xx];
                }
            }
        }
        return flat;
    }

    private static float[][][] conv(float[][][] in, float[][][][] w, float[] b) {
        int oh = in[0].length - 2;
        int ow = in[0][0].length - 2;
        float[][][] out = new float[w.length][oh][ow];
        for (int o = 0; o < w.length; o++) {
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    float s = b[o];
                    for (int i = 0; i < in.length; i++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                s += w[o][i][ky][kx] * in[i][y + ky][x + kx];
                            }
                        }
                    }
                    out[o][y][x] = s;
                }
            }
        }
        return out;
    }

    private static float[][][][] weights(Random r, int out, int in) {
        float[][][][] w = new float[out][in][3][3];
        for (float[][][] a : w) {
            for (float[][] b : a) {
                for (float[] c : b) {
                    for (int i = 0; i < 3; i++) {
                        c[i] = (float) (r.nextGaussian() * 0.3);
                    }
                }
            }
        }
        return w;
    }

    private static String layer(float[][][][] w, float[] b) {
        StringBuilder s = new StringBuilder();
        s.append("{\"class_name\":\"nn.SpatialConvolutionMM\",\"nInputPlane\":").append(w[0].length)
                .append(",\"nOutputPlane\":").append(w.length).append(",\"kW\":3,\"kH\":3,\"dW\":1,\"dH\":1,")
                .append("\"padW\":0,\"padH\":0,\"weight\":[");
        for (int o = 0; o < w.length; o++) {
            s.append(o == 0 ? "" : ",").append('[');
            for (int i = 0; i < w[o].length; i++) {
                s.append(i == 0 ? "" : ",").append('[');
                for (int y = 0; y < 3; y++) {
                    s.append(y == 0 ? "" : ",").append('[');
                    for (int x = 0; x < 3; x++) {
                        s.append(x == 0 ? "" : ",").append(w[o][i][y][x]);
                    }
                    s.append(']');
                }
                s.append(']');
            }
            s.append(']');
        }
        s.append("],\"bias\":[");
        for (int o = 0; o < b.length; o++) {
            s.append(o == 0 ? "" : ",").append(b[o]);
        }
        return s.append("]}").toString();
    }
}
