package dev.storycore.enhance.ops.upscale;

/** What a network sees beyond the edges of the picture. */
public enum EdgeMode {
    /**
     * The picture is mirrored (OpenCV BORDER_REFLECT_101) by the overlap, so edge pixels get the same
     * kind of context as interior ones. The default: on Set5 it scores slightly higher near the edges
     * than {@link #NETWORK}.
     */
    REFLECT,
    /**
     * The network sees the picture's true edge and pads with zeros in its own convolutions, exactly as
     * the model's original runtime does on a whole picture; use it to reproduce that runtime's output
     * (the golden test does).
     */
    NETWORK
}
