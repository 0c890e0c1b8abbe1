package dev.storycore.enhance.train.sr;

/**
 * The handful of operations a super-resolution network is made of. {@link SrTopology} wires them once;
 * DJL implements them for training and the ONNX exporter implements them as graph nodes, so the
 * exported model is the trained network by construction.
 *
 * @param <T> a tensor (DJL NDArray) or a graph value name (ONNX)
 */
interface SrOps<T> {
    /** Learned 3×3 convolution number {@code index} with bias, zero "same" padding. */
    T conv(int index, T x);

    T relu(T x);

    T add(T a, T b);

    /** The fixed bicubic sub-pixel phases of {@code x}: edge pad by 2, grouped 5×5 convolution. */
    T bicubicPhases(T x);

    /** [N, 3·s², H, W] → [N, 3, H·s, W·s], PyTorch / ONNX DepthToSpace CRD order. */
    T pixelShuffle(T x);

    /** Clamps to [0, 1]; inference only, so training gradients are not cut. */
    T clipUnit(T x);
}
