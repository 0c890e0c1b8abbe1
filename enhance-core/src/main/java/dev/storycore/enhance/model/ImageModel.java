package dev.storycore.enhance.model;

/**
 * A loaded image-to-image network (super-resolution, denoising, style): one picture tensor in, one out.
 * Implementations run ONNX Runtime; tests may use plain-Java fakes. Thread-safe for concurrent
 * {@link #run} calls.
 */
public interface ImageModel extends AutoCloseable {
    /** Catalog id, e.g. "esrgan-slim-x2". */
    String id();

    /** Output size = input size * scale (1 for same-size models). */
    int scale();

    /** The value range the network expects for input and produces as output, e.g. [0,1] or [0,255]. */
    ValueRange valueRange();

    /** Preferred tile edge in input pixels (the model runs best on tiles about this size). */
    int preferredTile();

    /**
     * Runs the network on one picture in NCHW layout, RGB channel order, values in {@link #valueRange()}.
     *
     * @param input  shape [1, 3, height, width]
     * @return shape [1, 3, height * scale, width * scale]
     */
    FloatTensor run(FloatTensor input);

    @Override
    void close();
}
