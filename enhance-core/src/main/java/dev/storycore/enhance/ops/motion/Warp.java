package dev.storycore.enhance.ops.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Backward warping with {@code cv::remap} (bilinear, borders replicated). */
public final class Warp {
    private Warp() {
    }

    /**
     * {@code out(x) = source(x + flow(x))}. With the flow from A to B, {@code backward(B, flow)} rebuilds A.
     * Any type cv::remap accepts (8U/16U/32F, 1–4 channels); the result has the source's type.
     */
    public static Mat backward(Mat source, FlowField flow) {
        return backward(source, flow, 1.0);
    }

    /** {@code out(x) = source(x + factor · flow(x))}. */
    public static Mat backward(Mat source, FlowField flow, double factor) {
        if (source.cols() != flow.width() || source.rows() != flow.height()) {
            throw new InvalidInputException("warp: picture " + source.cols() + "x" + source.rows()
                    + " does not match flow " + flow.width() + "x" + flow.height() + "; resize the flow first");
        }
        try (Mat map = absoluteMap(flow.toArray(), flow.width(), flow.height(), (float) factor)) {
            return remap(source, map);
        }
    }

    /** Remaps with an absolute CV_32FC2 map ({@code out(x) = source(map(x))}), bilinear, borders replicated. */
    public static Mat remap(Mat source, Mat absoluteMap) {
        Mat out = new Mat();
        try (Mat none = new Mat(); Scalar border = new Scalar(0)) {
            opencv_imgproc.remap(source, out, absoluteMap, none, opencv_imgproc.INTER_LINEAR,
                    opencv_core.BORDER_REPLICATE, border);
        }
        return out;
    }

    /** An absolute map {@code x + factor · d(x)} from interleaved displacements. */
    public static Mat absoluteMap(float[] xy, int width, int height, float factor) {
        float[] map = new float[xy.length];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 2) {
                map[i] = x + factor * xy[i];
                map[i + 1] = y + factor * xy[i + 1];
            }
        }
        Mat m = new Mat(height, width, CV_32FC2);
        FloatBuffer buf = m.createBuffer();
        buf.put(map);
        return m;
    }
}
