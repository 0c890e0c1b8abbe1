package dev.storycore.enhance.ops.interpolate;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC4;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes the picture at time t of a measured pair.
 *
 * <ol>
 *   <li>Motion at t by {@link FlowProjection}; from it, where the content of each pixel sits in frame 0
 *       (displacement −t·M) and in frame 1 ((1−t)·M).</li>
 *   <li>Occlusion-aware weights: frame 0's sample counts (1−t)·v1, frame 1's counts t·v0, where v1 is the
 *       visibility (forward–backward consistency) of the frame-1 source pixel and v0 of the frame-0 one: a
 *       sample is distrusted when the other frame's source pixel has no counterpart (it is being covered or
 *       uncovered), as in Super SloMo's visibility maps.</li>
 *   <li>Per-region choice between the motion-compensated result and a plain cross-fade: two costs on the
 *       grey working-resolution pair, averaged over a {@value #SELECT_WINDOW}×{@value #SELECT_WINDOW} window:
 *       the motion cost |frame 0 at its source − frame 1 at its source| and the static cost |frame 0 − frame 1|
 *       at the same pixel. The motion-compensated share is (Cs² + ε)/(Cs² + Cm² + 2ε). Where the flow bleeds
 *       into still background (DIS patches straddle moving edges), the static cost is near zero and the
 *       cross-fade wins; where things move, the static cost is high and warping wins.</li>
 *   <li>Only tiles with some motion-compensated share are warped (cv::remap of both frames at full
 *       resolution, with the displacements and weights resized from the working resolution); the rest of
 *       the picture is the cross-fade, which is also exact for static content.</li>
 * </ol>
 */
final class FrameSynthesis implements AutoCloseable {
    private static final float MIN_WEIGHT = 0.02f;
    static final int SELECT_WINDOW = 5;
    private static final float SELECT_EPS = 1f;
    /** Tile edge in working-resolution pixels. */
    private static final int TILE = 16;
    /** Motion-compensated share below which a pixel is left to the cross-fade. */
    private static final float ACTIVE_SHARE = 0.01f;

    /** Full-resolution displacement between the two samples below which warping is not worth it (pixels). */
    private static final float MOVING = 0.5f;
    private final FlowProjection.Buffers projection = new FlowProjection.Buffers();
    private float[] disp = new float[0];
    private float[] weights;
    private float[] costs;
    private float[] blurred;
    private Mat gridX;
    private Mat gridY;

    Mat synthesize(Mat first, Mat second, PairMotion m, double t) {
        int w = m.w();
        int h = m.h();
        int width = first.cols();
        int height = first.rows();
        float sx = (float) width / w;
        float sy = (float) height / h;
        float ft = (float) t;
        float[] mt = FlowProjection.motionAt(t, m.f01(), m.f10(), m.vis0(), m.vis1(), w, h, projection);
        if (disp.length != 4 * w * h) {
            disp = new float[4 * w * h];
            weights = new float[4 * w * h];
            costs = new float[2 * w * h];
            blurred = new float[2 * w * h];
        }
        float[] disp = this.disp;
        float[] weights = this.weights;
        float[] costs = this.costs;
        byte[] g0 = m.g0();
        byte[] g1 = m.g1();
        Parallel.rows(h, (from, to) -> {
            for (int y = from, i = from * w; y < to; y++) {
                for (int x = 0; x < w; x++, i++) {
                    float mx = mt[2 * i];
                    float my = mt[2 * i + 1];
                    float x0 = x - ft * mx;
                    float y0 = y - ft * my;
                    float x1 = x + (1 - ft) * mx;
                    float y1 = y + (1 - ft) * my;
                    disp[4 * i] = (x0 - x) * sx;
                    disp[4 * i + 1] = (y0 - y) * sy;
                    disp[4 * i + 2] = (x1 - x) * sx;
                    disp[4 * i + 3] = (y1 - y) * sy;
                    float seenIn1;
                    float seenIn0;
                    float a0;
                    float a1;
                    if (mx < FlowProjection.NEAR && mx > -FlowProjection.NEAR
                            && my < FlowProjection.NEAR && my > -FlowProjection.NEAR) {
                        // Still pixel: every sample sits (almost) on the pixel itself.
                        seenIn1 = m.vis1()[i];
                        seenIn0 = m.vis0()[i];
                        a0 = g0[i] & 0xff;
                        a1 = g1[i] & 0xff;
                    } else {
                        seenIn1 = FlowProjection.sample(m.vis1(), w, h, x1, y1);
                        seenIn0 = FlowProjection.sample(m.vis0(), w, h, x0, y0);
                        a0 = sampleGrey(g0, w, h, x0, y0);
                        a1 = sampleGrey(g1, w, h, x1, y1);
                    }
                    weights[4 * i] = (1 - ft) * Math.max(MIN_WEIGHT, seenIn1);
                    weights[4 * i + 1] = ft * Math.max(MIN_WEIGHT, seenIn0);
                    costs[2 * i] = Math.abs(a0 - a1);
                    costs[2 * i + 1] = Math.abs((g0[i] & 0xff) - (g1[i] & 0xff));
                }
            }
        });
        float[] blurred = boxFilter(costs, this.blurred, w, h);
        int tilesX = (w + TILE - 1) / TILE;
        int tilesY = (h + TILE - 1) / TILE;
        boolean[] active = new boolean[tilesX * tilesY];
        Parallel.rows(h, (from, to) -> {
            for (int y = from, k = from * w; y < to; y++) {
                for (int x = 0; x < w; x++, k++) {
                    float cm = blurred[2 * k] * blurred[2 * k];
                    float cs = blurred[2 * k + 1] * blurred[2 * k + 1];
                    float share = (cs + SELECT_EPS) / (cs + cm + 2 * SELECT_EPS);
                    weights[4 * k + 2] = share;
                    weights[4 * k + 3] = 1 - share;
                    float dx = disp[4 * k] - disp[4 * k + 2];
                    float dy = disp[4 * k + 1] - disp[4 * k + 3];
                    if (share > ACTIVE_SHARE && dx * dx + dy * dy > MOVING * MOVING) {
                        active[(y / TILE) * tilesX + x / TILE] = true;
                    }
                }
            }
        });
        boolean any = false;
        for (boolean a : active) {
            any |= a;
        }
        Mat out = new Mat();
        opencv_core.addWeighted(first, 1 - t, second, t, 0, out);
        if (!any) {
            return out;
        }
        try (Mat smallDisp = Pictures.floatMat(disp, w, h, CV_32FC4);
             Mat smallWeights = Pictures.floatMat(weights, w, h, CV_32FC4)) {
            ensureGrid(width, height);
            // One rectangle per tile row, from its first to its last active tile: few, large native calls.
            for (int ty = 0; ty < tilesY; ty++) {
                int from = -1;
                int to = -1;
                for (int tx = 0; tx < tilesX; tx++) {
                    if (active[ty * tilesX + tx]) {
                        from = from < 0 ? tx : from;
                        to = tx + 1;
                    }
                }
                if (from >= 0) {
                    Rect r = fullResRect(from * TILE, ty * TILE, to * TILE, (ty + 1) * TILE, sx, sy, width, height);
                    compensate(first, second, smallDisp, smallWeights, sx, sy, out, r);
                }
            }
        }
        return out;
    }

    /** Warps both frames over one rectangle and mixes the result into the cross-fade already in {@code out}. */
    private void compensate(Mat first, Mat second, Mat smallDisp, Mat smallWeights, float sx, float sy, Mat out,
                            Rect r) {
        try (Mat d = upsampled(smallDisp, sx, sy, r); Mat wt = upsampled(smallWeights, sx, sy, r);
             MatVector dPlanes = new MatVector(); MatVector wPlanes = new MatVector();
             Mat gx = new Mat(gridX, r); Mat gy = new Mat(gridY, r);
             Mat warped0 = new Mat(); Mat warped1 = new Mat(); Mat compensated = new Mat(); Mat mixed = new Mat();
             Mat target = new Mat(out, r); Mat none = new Mat(); Scalar border = new Scalar(0)) {
            opencv_core.split(d, dPlanes);
            opencv_core.split(wt, wPlanes);
            Mat mx0 = dPlanes.get(0);
            Mat my0 = dPlanes.get(1);
            Mat mx1 = dPlanes.get(2);
            Mat my1 = dPlanes.get(3);
            opencv_core.add(mx0, gx, mx0);
            opencv_core.add(my0, gy, my0);
            opencv_core.add(mx1, gx, mx1);
            opencv_core.add(my1, gy, my1);
            opencv_imgproc.remap(first, warped0, mx0, my0, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE,
                    border);
            opencv_imgproc.remap(second, warped1, mx1, my1, opencv_imgproc.INTER_LINEAR, opencv_core.BORDER_REPLICATE,
                    border);
            Mat blended = Pictures.blend(warped0, warped1, wPlanes.get(0), wPlanes.get(1));
            try (blended) {
                Mat result = Pictures.blend(blended, target, wPlanes.get(2), wPlanes.get(3));
                try (result) {
                    result.copyTo(target);
                }
            }
            for (long p = 0; p < dPlanes.size(); p++) {
                dPlanes.get(p).close();
            }
            for (long p = 0; p < wPlanes.size(); p++) {
                wPlanes.get(p).close();
            }
        }
    }

    /**
     * The part {@code r} of {@code small} resized by (sx, sy) with bilinear interpolation, pixel centres
     * aligned as cv::resize aligns them, without resizing the rest.
     */
    private static Mat upsampled(Mat small, float sx, float sy, Rect r) {
        int ix = Math.round(sx);
        int iy = Math.round(sy);
        if (ix == sx && iy == sy && r.x() % ix == 0 && r.y() % iy == 0) {
            return upsampledByResize(small, ix, iy, r);
        }
        Mat out = new Mat();
        try (Mat affine = new Mat(2, 3, opencv_core.CV_64F); Scalar border = new Scalar(0)) {
            double[] m = {1.0 / sx, 0, (r.x() + 0.5) / sx - 0.5, 0, 1.0 / sy, (r.y() + 0.5) / sy - 0.5};
            ((java.nio.DoubleBuffer) affine.createBuffer()).put(m);
            opencv_imgproc.warpAffine(small, out, affine, r.size(),
                    opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP, opencv_core.BORDER_REPLICATE, border);
        }
        return out;
    }

    /**
     * The same for whole-number factors, by cv::resize of the small region plus a one-pixel margin (so its
     * edges interpolate from their true neighbours), cropped: resize is separable and much cheaper.
     */
    private static Mat upsampledByResize(Mat small, int fx, int fy, Rect r) {
        int x0 = r.x() / fx;
        int y0 = r.y() / fy;
        int x1 = Math.min(small.cols(), (r.x() + r.width() + fx - 1) / fx);
        int y1 = Math.min(small.rows(), (r.y() + r.height() + fy - 1) / fy);
        int mx0 = Math.max(0, x0 - 1);
        int my0 = Math.max(0, y0 - 1);
        int mx1 = Math.min(small.cols(), x1 + 1);
        int my1 = Math.min(small.rows(), y1 + 1);
        try (Rect region = new Rect(mx0, my0, mx1 - mx0, my1 - my0); Mat part = new Mat(small, region);
             Mat big = new Mat(); Size size = new Size((mx1 - mx0) * fx, (my1 - my0) * fy);
             Rect crop = new Rect((x0 - mx0) * fx + r.x() % fx, (y0 - my0) * fy + r.y() % fy, r.width(), r.height())) {
            opencv_imgproc.resize(part, big, size, 0, 0, opencv_imgproc.INTER_LINEAR);
            // The view shares big's reference-counted pixels, which outlive closing big.
            return new Mat(big, crop);
        }
    }

    private static Rect fullResRect(int x0, int y0, int x1, int y1, float sx, float sy, int width, int height) {
        int fx0 = Math.max(0, (int) Math.floor(x0 * sx));
        int fy0 = Math.max(0, (int) Math.floor(y0 * sy));
        int fx1 = Math.min(width, (int) Math.ceil(x1 * sx));
        int fy1 = Math.min(height, (int) Math.ceil(y1 * sy));
        return new Rect(fx0, fy0, fx1 - fx0, fy1 - fy0);
    }

    private void ensureGrid(int width, int height) {
        if (gridX != null && gridX.cols() == width && gridX.rows() == height) {
            return;
        }
        close();
        float[] xs = new float[width * height];
        float[] ys = new float[width * height];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                xs[i] = x;
                ys[i] = y;
            }
        }
        gridX = Pictures.floatMat(xs, width, height, CV_32FC1);
        gridY = Pictures.floatMat(ys, width, height, CV_32FC1);
    }

    /** Box filter of the two interleaved cost channels over the selection window (borders replicated). */
    private static float[] boxFilter(float[] costs, float[] out, int w, int h) {
        try (Mat c = Pictures.floatMat(costs, w, h, CV_32FC2); Mat b = new Mat()) {
            opencv_imgproc.blur(c, b, new Size(SELECT_WINDOW, SELECT_WINDOW));
            ((FloatBuffer) b.createBuffer()).get(out);
            return out;
        }
    }

    static float sampleGrey(byte[] g, int w, int h, float x, float y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = Math.min((int) x, w - 1);
        int y0 = Math.min((int) y, h - 1);
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        float ax = x - x0;
        float ay = y - y0;
        return (1 - ay) * ((1 - ax) * (g[y0 * w + x0] & 0xff) + ax * (g[y0 * w + x1] & 0xff))
                + ay * ((1 - ax) * (g[y1 * w + x0] & 0xff) + ax * (g[y1 * w + x1] & 0xff));
    }

    @Override
    public void close() {
        if (gridX != null) {
            gridX.close();
            gridY.close();
            gridX = null;
            gridY = null;
        }
    }
}
