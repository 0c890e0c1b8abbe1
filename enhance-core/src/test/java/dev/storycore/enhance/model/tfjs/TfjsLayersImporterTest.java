package dev.storycore.enhance.model.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtSession;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.onnx.OnnxSessions;
import dev.storycore.enhance.model.tfjs.NhwcReference.T;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsLayersImporterTest {
    @TempDir
    Path dir;

    /**
     * A model using every supported layer (Conv2D same/valid/dilated/odd-kernel, with and without bias and
     * relu, a uint8-quantised kernel, Activation, Concatenate, MultiplyBeta, Add, UpSampling2D,
     * PixelShuffle2x), weights shuffled over two groups and three shard files.
     */
    static TfjsModelFiles everyLayer(Random r) {
        TfjsModelFiles m = new TfjsModelFiles().inputLayer("LR")
                .conv("c1", "LR", 3, 8, 3, 3, "same", 1, "relu", true, r)
                .conv("c2", "c1", 8, 8, 3, 3, "same", 2, "linear", true, r)
                .layer("Activation", "a1", TfjsModelFiles.config().put("activation", "relu"), List.of("c2"))
                .layer("Concatenate", "cat", TfjsModelFiles.config().put("axis", 3), List.of("c1", "a1"))
                .conv("c3", "cat", 16, 8, 1, 1, "valid", 1, "linear", true, r)
                .quantizeUint8("c3/kernel")
                .layer("MultiplyBeta", "mb", TfjsModelFiles.config().put("beta", 0.2), List.of("c3"))
                .layer("Add", "sum", TfjsModelFiles.config(), List.of("mb", "c1"));
        var up = TfjsModelFiles.config().put("interpolation", "nearest").put("data_format", "channels_last");
        up.putArray("size").add(2).add(2);
        return m.layer("UpSampling2D", "up", up, List.of("sum"))
                .conv("c4", "up", 8, 12, 3, 3, "same", 1, "linear", true, r)
                .layer("PixelShuffle2x", "ps", TfjsModelFiles.config().put("scale", 2), List.of("c4"))
                .conv("c5", "ps", 3, 3, 2, 2, "same", 1, "linear", false, r)
                .conv("c6", "c5", 3, 3, 3, 3, "valid", 1, "linear", true, r);
    }

    static T reference(TfjsModelFiles m, T lr) {
        T c1 = NhwcReference.relu(NhwcReference.conv(lr, m.weight("c1/kernel"), m.weight("c1/bias"), 3, 3, 8, 1, "same"));
        T c2 = NhwcReference.conv(c1, m.weight("c2/kernel"), m.weight("c2/bias"), 3, 3, 8, 2, "same");
        T cat = NhwcReference.concatChannels(c1, NhwcReference.relu(c2));
        T c3 = NhwcReference.conv(cat, m.weight("c3/kernel"), m.weight("c3/bias"), 1, 1, 8, 1, "valid");
        T sum = NhwcReference.add(NhwcReference.scale(c3, 0.2f), c1);
        T up = NhwcReference.upsampleNearest(sum, 2);
        T c4 = NhwcReference.conv(up, m.weight("c4/kernel"), m.weight("c4/bias"), 3, 3, 12, 1, "same");
        T ps = NhwcReference.depthToSpace(c4, 2);
        T c5 = NhwcReference.conv(ps, m.weight("c5/kernel"), null, 2, 2, 3, 1, "same");
        return NhwcReference.conv(c5, m.weight("c6/kernel"), m.weight("c6/bias"), 3, 3, 3, 1, "valid");
    }

    @Test
    void theConvertedGraphComputesWhatTheKerasLayersCompute() throws Exception {
        Random random = new Random(42);
        TfjsModelFiles model = everyLayer(random);
        Path modelJson = model.write(dir, 1234);
        byte[] onnx = TfjsLayersImporter.convert(modelJson, "generated-test-model");

        int h = 5;
        int w = 7; // odd, non-square: catches swapped axes and padding mistakes
        T lr = new T(h, w, 3);
        for (int i = 0; i < lr.d().length; i++) {
            lr.d()[i] = random.nextFloat() * 2 - 1;
        }
        T expected = reference(model, lr);

        float[] nchw = new float[3 * h * w];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    nchw[(c * h + y) * w + x] = lr.at(y, x, c);
                }
            }
        }
        try (OrtSession session = OnnxSessions.open(onnx, "generated-test-model");
             OnnxTensor in = OnnxTensor.createTensor(OnnxSessions.environment(), FloatBuffer.wrap(nchw),
                     new long[] {1, 3, h, w});
             OrtSession.Result result = session.run(Map.of(TfjsLayersImporter.INPUT_NAME, in))) {
            OnnxTensor out = (OnnxTensor) result.get(TfjsLayersImporter.OUTPUT_NAME).orElseThrow();
            long[] shape = out.getInfo().getShape();
            assertThat(shape).containsExactly(1, 3, expected.h(), expected.w());
            assertThat(expected.h()).isEqualTo(4 * h - 2);
            FloatBuffer got = out.getFloatBuffer();
            double maxError = 0;
            double maxValue = 0;
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < expected.h(); y++) {
                    for (int x = 0; x < expected.w(); x++) {
                        float e = expected.at(y, x, c);
                        maxError = Math.max(maxError, Math.abs(got.get((c * expected.h() + y) * expected.w() + x) - e));
                        maxValue = Math.max(maxValue, Math.abs(e));
                    }
                }
            }
            assertThat(maxValue).as("the reference output is not trivially zero").isGreaterThan(0.05);
            assertThat(maxError).isLessThan(1e-4);
        }
    }

    @Test
    void anUnsupportedLayerIsRefusedNamingTheLayerAndTheModel() throws Exception {
        Random random = new Random(1);
        TfjsModelFiles model = new TfjsModelFiles().inputLayer("LR")
                .conv("c1", "LR", 3, 3, 3, 3, "same", 1, "linear", true, random)
                .layer("BatchNormalization", "bn", TfjsModelFiles.config(), List.of("c1"));
        Path modelJson = model.write(dir, 1);
        assertThatThrownBy(() -> TfjsLayersImporter.convert(modelJson, "my-model"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("unsupported layer BatchNormalization")
                .hasMessageContaining("in model my-model");
    }

    @Test
    void anUnsupportedActivationIsRefused() throws Exception {
        TfjsModelFiles model = new TfjsModelFiles().inputLayer("LR")
                .conv("c1", "LR", 3, 3, 3, 3, "same", 1, "swish", true, new Random(1));
        Path modelJson = model.write(dir, 1);
        assertThatThrownBy(() -> TfjsLayersImporter.convert(modelJson, "m"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("unsupported activation 'swish' in layer c1");
    }

    @Test
    void aMissingWeightIsReportedByName() throws Exception {
        Path modelJson = new TfjsModelFiles().inputLayer("LR")
                .conv("c1", "LR", 3, 3, 3, 3, "same", 1, "linear", true, new Random(1))
                .write(dir, 1);
        String json = Files.readString(modelJson).replace("\"c1/bias\"", "\"other/bias\"");
        Files.writeString(modelJson, json);
        assertThatThrownBy(() -> TfjsLayersImporter.convert(modelJson, "m"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("no weight c1/bias");
    }

    @Test
    void aTruncatedWeightFileIsRefused() throws Exception {
        Path modelJson = everyLayer(new Random(3)).write(dir, 5);
        Path shard = dir.resolve("group2-shard1of1.bin");
        byte[] bytes = Files.readAllBytes(shard);
        Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length - 8));
        assertThatThrownBy(() -> TfjsLayersImporter.convert(modelJson, "m"))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("weight files end inside weight");
    }

    @Test
    void halfPrecisionValuesDecode() {
        assertThat(TfjsWeights.halfToFloat((short) 0x3c00)).isEqualTo(1f);
        assertThat(TfjsWeights.halfToFloat((short) 0xc000)).isEqualTo(-2f);
        assertThat(TfjsWeights.halfToFloat((short) 0x3555)).isCloseTo(0.33325f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(TfjsWeights.halfToFloat((short) 0x0001)).isEqualTo((float) Math.pow(2, -24));
    }
}
