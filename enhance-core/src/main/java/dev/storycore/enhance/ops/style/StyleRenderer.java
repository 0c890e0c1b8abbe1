package dev.storycore.enhance.ops.style;

import org.bytedeco.opencv.opencv_core.Mat;

/** One non-photorealistic rendering algorithm. Package-private: users reach it through {@link Styles}. */
interface StyleRenderer {
    /**
     * Renders a picture.
     *
     * @param bgr 8-bit, 3-channel BGR picture (not modified)
     * @return a new 8-bit BGR picture of the same size, owned by the caller
     */
    Mat render(Mat bgr, RenderContext ctx);
}
