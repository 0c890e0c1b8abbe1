package dev.storycore.enhance.ops.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A dense motion field: one (dx, dy) vector in pixels per pixel, stored as an OpenCV CV_32FC2 Mat.
 * The field owns its Mat; close it exactly once.
 */
public final class FlowField implements AutoCloseable {
    private final Mat mat;
    private boolean closed;

    private FlowField(Mat mat) {
        this.mat = mat;
    }

    /** Takes ownership of a CV_32FC2 Mat. */
    public static FlowField wrap(Mat flow) {
        Objects.requireNonNull(flow, "flow");
        if (flow.type() != CV_32FC2 || flow.empty()) {
            throw new IllegalArgumentException("a flow field needs a non-empty CV_32FC2 Mat, got type " + flow.type());
        }
        return new FlowField(flow.isContinuous() ? flow : cloneAndClose(flow));
    }

    /** A field from interleaved (dx, dy) values, row by row. */
    public static FlowField fromArray(int width, int height, float[] xy) {
        if (xy.length != 2 * width * height) {
            throw new IllegalArgumentException("need " + 2 * width * height + " values for " + width + "x" + height
                    + ", got " + xy.length);
        }
        Mat m = new Mat(height, width, CV_32FC2);
        FloatBuffer buf = m.createBuffer();
        buf.put(xy);
        return new FlowField(m);
    }

    /** A field with no motion. */
    public static FlowField zeros(int width, int height) {
        return fromArray(width, height, new float[2 * width * height]);
    }

    public int width() {
        return mat().cols();
    }

    public int height() {
        return mat().rows();
    }

    /** The underlying CV_32FC2 Mat, still owned by this field. */
    public Mat mat() {
        if (closed) {
            throw new IllegalStateException("flow field is already closed");
        }
        return mat;
    }

    /** A copy of the vectors as interleaved (dx, dy), row by row. */
    public float[] toArray() {
        float[] xy = new float[2 * width() * height()];
        FloatBuffer buf = mat().createBuffer();
        buf.get(xy);
        return xy;
    }

    /** This field resized to another picture size, its vectors scaled to that size's pixels. */
    public FlowField resized(int newWidth, int newHeight) {
        if (newWidth == width() && newHeight == height()) {
            return new FlowField(mat().clone());
        }
        Mat out = new Mat();
        opencv_imgproc.resize(mat(), out, new Size(newWidth, newHeight), 0, 0, opencv_imgproc.INTER_LINEAR);
        double sx = (double) newWidth / width();
        double sy = (double) newHeight / height();
        float[] xy = new float[2 * newWidth * newHeight];
        FloatBuffer buf = out.createBuffer();
        buf.get(xy);
        for (int i = 0; i < xy.length; i += 2) {
            xy[i] *= (float) sx;
            xy[i + 1] *= (float) sy;
        }
        buf.rewind();
        buf.put(xy);
        return new FlowField(out);
    }

    /** A new field with every vector multiplied by {@code factor} (e.g. t for the motion up to time t). */
    public FlowField times(double factor) {
        Mat out = new Mat();
        mat().convertTo(out, CV_32FC2, factor, 0);
        return new FlowField(out);
    }

    public FlowStats stats() {
        return FlowStats.of(this);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mat.close();
        }
    }

    private static Mat cloneAndClose(Mat m) {
        Mat c = m.clone();
        m.close();
        return c;
    }
}
