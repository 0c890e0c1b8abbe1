package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Draws thick anti-aliased polylines and dots with sub-pixel positions, reusing one native point buffer. */
final class StrokePainter implements AutoCloseable {
    private static final int SHIFT = 4;
    private static final float ONE = 1 << SHIFT;

    private final Point points;
    private final IntPointer raw;
    private final int capacity;
    private final Scalar colour = new Scalar(0, 0, 0, 0);
    private final Point centre = new Point();
    private final int[] count = new int[1];

    StrokePainter(int capacity) {
        this.capacity = capacity;
        this.points = new Point(capacity);
        this.raw = new IntPointer(points);
    }

    /** A polyline of n points, {@code width} pixels wide, with round ends. */
    void polyline(Mat canvas, float[] xs, float[] ys, int n, double b, double g, double r, int width) {
        setColour(b, g, r);
        if (n == 1) {
            dot(canvas, xs[0], ys[0], width / 2f, b, g, r);
            return;
        }
        int m = Math.min(n, capacity);
        for (int i = 0; i < m; i++) {
            raw.put(2L * i, Math.round(xs[i] * ONE));
            raw.put(2L * i + 1, Math.round(ys[i] * ONE));
        }
        count[0] = m;
        polylines(canvas, points, count, 1, false, colour, Math.max(1, width), LINE_8, SHIFT);
    }

    /** A filled disc. */
    void dot(Mat canvas, float x, float y, float radius, double b, double g, double r) {
        setColour(b, g, r);
        centre.x(Math.round(x * ONE)).y(Math.round(y * ONE));
        circle(canvas, centre, Math.max(1, Math.round(radius * ONE)), colour, -1, LINE_AA, SHIFT);
    }

    private void setColour(double b, double g, double r) {
        colour.put(0, b);
        colour.put(1, g);
        colour.put(2, r);
    }

    @Override
    public void close() {
        raw.close();
        points.close();
        colour.close();
        centre.close();
    }
}
