package dev.storycore.enhance.train.sr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The DJL block of a {@link NetworkSpec}: learned weights as plain parameters, wired by {@link SrTopology}.
 * Input [N, 3, h, w] in [0, 1]; output [N, 3, h·s, w·s].
 */
final class SrNetwork extends AbstractBlock {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape SAME_3X3 = new Shape(1, 1);
    private static final Shape NO_PAD = new Shape(0, 0);

    private final NetworkSpec spec;
    private final List<Parameter> weights = new ArrayList<>();
    private final List<Parameter> biases = new ArrayList<>();
    private NDArray bicubic;

    SrNetwork(NetworkSpec spec) {
        this.spec = spec;
        for (int i = 0; i < spec.convCount(); i++) {
            weights.add(addParameter(Parameter.builder()
                    .setName("conv" + i + "_weight")
                    .setType(Parameter.Type.WEIGHT)
                    .optShape(new Shape(spec.convOut(i), spec.convIn(i), 3, 3))
                    .optInitializer(startsAtZero(spec, i) ? Initializer.ZEROS
                            : new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                                    XavierInitializer.FactorType.IN, 2))
                    .build()));
            biases.add(addParameter(Parameter.builder()
                    .setName("conv" + i + "_bias")
                    .setType(Parameter.Type.BIAS)
                    .optShape(new Shape(spec.convOut(i)))
                    .build()));
        }
    }

    NetworkSpec spec() {
        return spec;
    }

    /**
     * He initialisation for the ReLU layers, except two kinds that start at zero: the last layer, so the
     * untrained network is exactly bicubic, and the second convolution of each residual block, so every
     * block starts as the identity (with He weights there the quality preset's loss jumped to 4× bicubic's
     * in its first steps). Their gradients are non-zero from the first step; the layers behind follow.
     */
    static boolean startsAtZero(NetworkSpec spec, int conv) {
        if (conv == spec.convCount() - 1) {
            return true;
        }
        return spec.residualBlocks() > 0 && conv >= 1 && conv <= 2 * spec.residualBlocks() && conv % 2 == 0;
    }

    /** Learned weight of convolution {@code i}, shape [out, in, 3, 3]. */
    NDArray weight(int i) {
        return weights.get(i).getArray();
    }

    NDArray bias(int i) {
        return biases.get(i).getArray();
    }

    /** The learned parameters in a fixed order (checkpoints and the optimizer key their state by it). */
    List<Parameter> learnedParameters() {
        List<Parameter> all = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            all.add(weights.get(i));
            all.add(biases.get(i));
        }
        return all;
    }

    @Override
    public void initialize(NDManager manager, DataType dataType, Shape... inputShapes) {
        super.initialize(manager, dataType, inputShapes);
        if (bicubic == null) {
            int s = spec.scale();
            bicubic = manager.create(BicubicPhases.weights(s),
                    new Shape(3L * s * s, 1, BicubicPhases.KERNEL, BicubicPhases.KERNEL));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        DjlOps ops = new DjlOps(store, x, training);
        return new NDList(SrTopology.forward(spec, ops, x, !training));
    }

    /** The fixed bicubic upscale alone (what the untrained network outputs), unclipped. */
    NDArray bicubic(NDArray lowRes) {
        DjlOps ops = new DjlOps(null, lowRes, false);
        return ops.pixelShuffle(ops.bicubicPhases(lowRes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 3, in.get(2) * spec.scale(), in.get(3) * spec.scale())};
    }

    /** The operations on DJL arrays. */
    private final class DjlOps implements SrOps<NDArray> {
        private final ParameterStore store;
        private final NDArray like;
        private final boolean training;

        DjlOps(ParameterStore store, NDArray like, boolean training) {
            this.store = store;
            this.like = like;
            this.training = training;
        }

        @Override
        public NDArray conv(int index, NDArray x) {
            NDArray w = store.getValue(weights.get(index), like.getDevice(), training);
            NDArray b = store.getValue(biases.get(index), like.getDevice(), training);
            return Conv2d.conv2d(x, w, b, ONE, SAME_3X3, ONE).singletonOrThrow();
        }

        @Override
        public NDArray relu(NDArray x) {
            return x.maximum(0f);
        }

        @Override
        public NDArray add(NDArray a, NDArray b) {
            return a.add(b);
        }

        @Override
        public NDArray bicubicPhases(NDArray x) {
            int p = BicubicPhases.PAD;
            long w = x.getShape().get(3);
            long h = x.getShape().get(2);
            NDArray wide = NDArrays.concat(new NDList(
                    x.get(":, :, :, 0:1").repeat(3, p), x, x.get(":, :, :, " + (w - 1) + ":" + w).repeat(3, p)), 3);
            NDArray padded = NDArrays.concat(new NDList(
                    wide.get(":, :, 0:1, :").repeat(2, p), wide,
                    wide.get(":, :, " + (h - 1) + ":" + h + ", :").repeat(2, p)), 2);
            return Conv2d.conv2d(padded, bicubic, null, ONE, NO_PAD, ONE, 3).singletonOrThrow();
        }

        @Override
        public NDArray pixelShuffle(NDArray x) {
            Shape s = x.getShape();
            int r = spec.scale();
            long n = s.get(0);
            long h = s.get(2);
            long w = s.get(3);
            return x.reshape(n, 3, r, r, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, 3, h * r, w * r);
        }

        @Override
        public NDArray clipUnit(NDArray x) {
            return x.clip(0f, 1f);
        }
    }
}
