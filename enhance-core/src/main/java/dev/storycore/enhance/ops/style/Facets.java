package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC1;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;

import java.util.HashMap;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_imgproc.Subdiv2D;
import org.bytedeco.opencv.opencv_imgproc.Vec6fVector;

/**
 * A Delaunay triangulation of anchor points (OpenCV Subdiv2D) rasterised into a label image: which
 * triangle covers each pixel. Triangles carry the ids of their three anchors, so a facet's random
 * attributes stay the same while its anchors move with the content.
 */
final class Facets {
    final int width;
    final int height;
    /** Triangle index per pixel. */
    final int[] label;
    /** Vertex coordinates, 6 per triangle. */
    final float[] corners;
    /** A stable key per triangle, from its anchor ids. */
    final long[] key;
    final int count;

    private Facets(int width, int height, int[] label, float[] corners, long[] key, int count) {
        this.width = width;
        this.height = height;
        this.label = label;
        this.corners = corners;
        this.key = key;
        this.count = count;
    }

    static Facets triangulate(PointSet points, int w, int h) {
        Map<Long, Long> idAt = new HashMap<>();
        try (Rect rect = new Rect(0, 0, w, h); Subdiv2D sub = new Subdiv2D(rect); Point2f p = new Point2f()) {
            // The picture's corners and border midpoints make the triangulation cover the whole frame.
            float[][] frame = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1},
                {(w - 1) / 2f, 0}, {(w - 1) / 2f, h - 1}, {0, (h - 1) / 2f}, {w - 1, (h - 1) / 2f}};
            for (int k = 0; k < frame.length; k++) {
                insert(sub, p, frame[k][0], frame[k][1], -1 - k, idAt);
            }
            for (int i = 0; i < points.size; i++) {
                float x = Math.min(w - 1.001f, Math.max(0.001f, points.x[i]));
                float y = Math.min(h - 1.001f, Math.max(0.001f, points.y[i]));
                insert(sub, p, x, y, points.id[i], idAt);
            }
            try (Vec6fVector tris = new Vec6fVector()) {
                sub.getTriangleList(tris);
                int n = (int) tris.size();
                float[] corners = new float[n * 6];
                long[] key = new long[n];
                int[] label = new int[w * h];
                java.util.Arrays.fill(label, -1);
                float[] six = new float[6];
                int count = 0;
                try (Mat lm = new Mat(h, w, CV_32SC1, new Scalar(-1)); Point pts = new Point(3);
                     Scalar value = new Scalar(0)) {
                    IntPointer raw = new IntPointer(pts);
                    for (int t = 0; t < n; t++) {
                        FloatPointer fp = tris.get(t);
                        fp.get(six);
                        long a = idAt.getOrDefault(bits(six[0], six[1]), 0L);
                        long b = idAt.getOrDefault(bits(six[2], six[3]), 0L);
                        long c = idAt.getOrDefault(bits(six[4], six[5]), 0L);
                        System.arraycopy(six, 0, corners, 6 * count, 6);
                        key[count] = Hash.mix(a) ^ Hash.mix(b) ^ Hash.mix(c);
                        for (int v = 0; v < 3; v++) {
                            raw.put(2L * v, Math.round(six[2 * v] * 16));
                            raw.put(2L * v + 1, Math.round(six[2 * v + 1] * 16));
                        }
                        value.put(0, count);
                        fillConvexPoly(lm, pts, 3, value, LINE_8, 4);
                        count++;
                    }
                    label = Pixels.ints(lm);
                }
                // Pixels no triangle reached (rounding at the border) take their left or upper neighbour.
                for (int i = 0; i < label.length; i++) {
                    if (label[i] < 0) {
                        label[i] = i % w > 0 ? label[i - 1] : i >= w ? label[i - w] : 0;
                    }
                }
                for (int i = label.length - 1; i >= 0; i--) {
                    if (label[i] < 0) {
                        label[i] = i + 1 < label.length ? label[i + 1] : 0;
                    }
                }
                return new Facets(w, h, label, corners, key, count);
            }
        }
    }

    private static void insert(Subdiv2D sub, Point2f p, float x, float y, long id, Map<Long, Long> idAt) {
        p.x(x).y(y);
        sub.insert(p);
        idAt.put(bits(x, y), id);
    }

    private static long bits(float x, float y) {
        return ((long) Float.floatToIntBits(x) << 32) | (Float.floatToIntBits(y) & 0xffffffffL);
    }
}
