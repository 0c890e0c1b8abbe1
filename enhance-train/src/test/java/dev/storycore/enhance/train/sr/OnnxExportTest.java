package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.train.OfflinePyTorch;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exported ONNX model (run by ONNX Runtime) computes what the DJL network computes. */
class OnnxExportTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "scale {0}, {1} hidden layers, {2} residual blocks")
    @CsvSource({"2, 2, 0", "3, 0, 2", "4, 1, 0"})
    void exportedModelMatchesTheTrainedNetworkOnRandomInputs(int scale, int hidden, int blocks) {
        NetworkSpec spec = new NetworkSpec("custom", scale, 8, hidden, blocks);
        Random random = new Random(scale * 31L + blocks);
        try (NDManager manager = OfflinePyTorch.engine().newBaseManager()) {
            SrNetwork net = new SrNetwork(spec);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
            for (Parameter p : net.learnedParameters()) { // random weights everywhere, the last layer included
                float[] v = new float[Math.toIntExact(p.getArray().size())];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (random.nextGaussian() * 0.1);
                }
                p.getArray().set(v);
            }
            Path file = tmp.resolve(spec.modelId() + ".onnx");
            OnnxExport.write(net, Map.of("storycore.test", "yes"), file);

            ParameterStore store = new ParameterStore(manager, false);
            try (OnnxImageModel onnx = OnnxImageModel.open(file, spec.modelId(), scale, ValueRange.UNIT, 64,
                    OnnxExport.INPUT, OnnxExport.OUTPUT)) {
                for (int trial = 0; trial < 3; trial++) {
                    int h = 9 + random.nextInt(12);
                    int w = 9 + random.nextInt(12);
                    float[] data = new float[3 * h * w];
                    for (int i = 0; i < data.length; i++) {
                        data[i] = random.nextFloat();
                    }
                    FloatTensor input = new FloatTensor(data, new long[] {1, 3, h, w});
                    FloatTensor expected = SrTrainer.infer(net, store, manager, input);
                    FloatTensor actual = onnx.run(input);
                    assertThat(actual.shape()).containsExactly(expected.shape());
                    float maxDiff = 0;
                    int unclipped = 0;
                    for (int i = 0; i < expected.data().length; i++) {
                        maxDiff = Math.max(maxDiff, Math.abs(expected.data()[i] - actual.data()[i]));
                        unclipped += expected.data()[i] > 0 && expected.data()[i] < 1 ? 1 : 0;
                    }
                    assertThat(maxDiff).as("%dx%d input", w, h).isLessThan(1e-4f);
                    assertThat(unclipped).as("values strictly inside [0, 1] (the test is not all clipping)")
                            .isGreaterThan(expected.data().length / 2);
                }
            }
        }
    }
}
