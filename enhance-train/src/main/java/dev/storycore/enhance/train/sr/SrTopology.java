package dev.storycore.enhance.train.sr;

/** The one description of how the layers of a {@link NetworkSpec} connect. */
final class SrTopology {
    private SrTopology() {
    }

    static <T> T forward(NetworkSpec spec, SrOps<T> ops, T lowRes, boolean clip) {
        int layer = 0;
        T features = ops.relu(ops.conv(layer++, lowRes));
        if (spec.residualBlocks() > 0) {
            T head = features;
            for (int b = 0; b < spec.residualBlocks(); b++) {
                T inner = ops.relu(ops.conv(layer++, features));
                features = ops.add(features, ops.conv(layer++, inner));
            }
            features = ops.add(head, ops.conv(layer++, features));
        } else {
            for (int h = 0; h < spec.hiddenLayers(); h++) {
                features = ops.relu(ops.conv(layer++, features));
            }
        }
        T residual = ops.conv(layer++, features);
        if (layer != spec.convCount()) {
            throw new IllegalStateException("topology used " + layer + " convolutions, spec has " + spec.convCount());
        }
        T out = ops.pixelShuffle(ops.add(residual, ops.bicubicPhases(lowRes)));
        return clip ? ops.clipUnit(out) : out;
    }
}
