package dev.storycore.enhance.ops.upscale;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ValueRange;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Tensor work only (the DJL "translator"): a BGR picture of 8 or 16 bits ⇄ an NCHW RGB float tensor
 * in the network's value range. Going back, values are clipped to the range and rounded half to even
 * (OpenCV's saturate_cast), as UpscalerJS clips with clipByValue and then quantises to bytes; a
 * 16-bit picture keeps 16-bit precision both ways.
 */
final class TensorTranslator {
    private final ValueRange range;

    TensorTranslator(ValueRange range) {
        this.range = range;
    }

    /** Full-scale value of a picture depth: 255 for 8 bits, 65535 for 16. */
    static double fullScale(int depth) {
        if (depth == CV_8U) {
            return 255.0;
        }
        if (depth == CV_16U) {
            return 65535.0;
        }
        throw new IllegalArgumentException("only 8- and 16-bit pictures are supported, got depth " + depth);
    }

    /** A [1, 3, rows, cols] tensor of a 3-channel BGR picture (any ROI). */
    FloatTensor toTensor(Mat bgr) {
        if (bgr.channels() != 3) {
            throw new IllegalArgumentException("the translator takes 3-channel BGR, got " + bgr.channels() + " channels");
        }
        double full = fullScale(bgr.depth());
        int rows = bgr.rows();
        int cols = bgr.cols();
        float[] data = new float[3 * rows * cols];
        try (Mat scaled = new Mat(); Scalar zero = new Scalar(0.0); Size keep = new Size()) {
            bgr.convertTo(scaled, CV_32FC3, (range.max() - range.min()) / full, range.min());
            try (Mat blob = blobFromImage(scaled, 1.0, keep, zero, true, false, CV_32F);
                 FloatPointer values = new FloatPointer(blob.data())) {
                values.get(data, 0, data.length);
            }
        }
        return new FloatTensor(data, new long[] {1, 3, rows, cols});
    }

    /**
     * Writes the region {@code region} of an output tensor (RGB, in the value range) into a BGR
     * picture {@code dst} of the same size as the region; {@code dst} may be a ROI of a larger picture
     * and keeps its depth (8 or 16 bits).
     */
    void writeRegion(FloatTensor tensor, Rect region, Mat dst) {
        int rows = tensor.dim(2);
        int cols = tensor.dim(3);
        if (tensor.dim(0) != 1 || tensor.dim(1) != 3) {
            throw new IllegalArgumentException("expected a [1, 3, h, w] tensor, got " + tensor);
        }
        if (dst.cols() != region.width() || dst.rows() != region.height() || dst.channels() != 3) {
            throw new IllegalArgumentException("destination " + dst.cols() + "x" + dst.rows() + "x" + dst.channels()
                    + " does not match region " + region.width() + "x" + region.height() + "x3");
        }
        double full = fullScale(dst.depth());
        double alpha = full / (range.max() - range.min());
        try (FloatPointer values = new FloatPointer(tensor.data());
             Mat planes = new Mat(3 * rows, cols, CV_32F, values);
             Mat r = plane(planes, 0, rows, region); Mat g = plane(planes, 1, rows, region);
             Mat b = plane(planes, 2, rows, region);
             MatVector bgr = new MatVector(b, g, r); Mat merged = new Mat()) {
            merge(bgr, merged);
            merged.convertTo(dst, dst.depth(), alpha, -range.min() * alpha);
        }
    }

    private static Mat plane(Mat planes, int channel, int rows, Rect region) {
        try (Rect r = new Rect(region.x(), channel * rows + region.y(), region.width(), region.height())) {
            return new Mat(planes, r);
        }
    }
}
