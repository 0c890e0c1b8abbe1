package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.storycore.enhance.train.OfflinePyTorch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ResumableAdamTest {
    private static final NetworkSpec SPEC = new NetworkSpec("custom", 2, 4, 1, 0);

    @Test
    void aStepWithNonFiniteGradientsIsDetectedAndLeavesTheWeightsAlone() {
        try (NDManager manager = OfflinePyTorch.engine().newBaseManager()) {
            SrNetwork net = network(manager);
            try (ResumableAdam adam = new ResumableAdam(manager, net.learnedParameters())) {
                backward(net, manager, Float.NaN);
                assertThat(ResumableAdam.gradientsFinite(adam.gradientNorm())).isFalse();
                float[] before = net.weight(0).toFloatArray();
                adam.clearGradients();
                assertThat(adam.gradientNorm()).isZero();
                backward(net, manager, 0.5f);
                assertThat(ResumableAdam.gradientsFinite(adam.gradientNorm())).isTrue();
                adam.update(1e-2f);
                float[] after = net.weight(0).toFloatArray();
                assertThat(after).isNotEqualTo(before);
                for (float v : after) {
                    assertThat(Float.isFinite(v)).isTrue();
                }
            }
        }
    }

    @Test
    void savedStateReproducesTheNextUpdateExactly() throws IOException {
        try (NDManager manager = OfflinePyTorch.engine().newBaseManager()) {
            SrNetwork a = network(manager);
            byte[] saved;
            float[] expected;
            try (ResumableAdam adam = new ResumableAdam(manager, a.learnedParameters())) {
                for (int i = 0; i < 3; i++) {
                    backward(a, manager, 0.3f + i * 0.1f);
                    adam.update(1e-2f);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                adam.save(new DataOutputStream(bytes));
                saved = bytes.toByteArray();
                backward(a, manager, 0.9f);
                adam.update(1e-2f);
                expected = a.weight(1).toFloatArray();
            }
            SrNetwork b = network(manager);
            try (ResumableAdam adam = new ResumableAdam(manager, b.learnedParameters())) {
                adam.load(new DataInputStream(new ByteArrayInputStream(saved)));
                assertThat(adam.updates()).isEqualTo(3);
                backward(b, manager, 0.9f);
                adam.update(1e-2f);
                assertThat(b.weight(1).toFloatArray()).containsExactly(expected);
            }
        }
    }

    private static SrNetwork network(NDManager manager) {
        OfflinePyTorch.engine().setRandomSeed(11);
        SrNetwork net = new SrNetwork(SPEC);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 8, 8));
        for (Parameter p : net.learnedParameters()) { // a non-zero last layer so that every layer gets gradient
            if (p.getName().equals("conv2_weight")) {
                p.getArray().set(manager.randomNormal(0, 0.1f, p.getArray().getShape(), DataType.FLOAT32)
                        .toFloatArray());
            }
        }
        return net;
    }

    /** Loss = mean((net(x) - target)^2) with a constant input; {@code fill} NaN poisons the gradients. */
    private static void backward(SrNetwork net, NDManager manager, float fill) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.full(new Shape(1, 3, 8, 8), 0.5f).add(scope.arange(0f, 8f).div(16f));
            NDArray target = scope.full(new Shape(1, 3, 16, 16), fill);
            try (GradientCollector c = scope.getEngine().newGradientCollector()) {
                NDArray y = net.forward(new ParameterStore(scope, false), new NDList(x), true).singletonOrThrow();
                c.backward(y.sub(target).square().mean());
            }
        }
    }
}
