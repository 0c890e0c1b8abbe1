package dev.storycore.enhance.train.sr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;

/**
 * One reusable training batch: random aligned LR/HR patch pairs, each under one of the 8 flips/rotations
 * of the square. The two arrays view direct buffers (PyTorch "from_blob", no copy), so refilling the
 * buffers is all a step costs; creating arrays from {@code float[]} every step was 3× slower and grew
 * native memory.
 */
final class PatchBatch implements AutoCloseable {
    private final int batch;
    private final int lrPatch;
    private final int scale;
    private final FloatBuffer lowValues;
    private final FloatBuffer highValues;
    private final NDArray lowRes;
    private final NDArray highRes;

    PatchBatch(NDManager manager, int batch, int lrPatch, int scale) {
        this.batch = batch;
        this.lrPatch = lrPatch;
        this.scale = scale;
        int hrPatch = lrPatch * scale;
        ByteBuffer low = ByteBuffer.allocateDirect(4 * batch * 3 * lrPatch * lrPatch).order(ByteOrder.nativeOrder());
        ByteBuffer high = ByteBuffer.allocateDirect(4 * batch * 3 * hrPatch * hrPatch).order(ByteOrder.nativeOrder());
        lowValues = low.asFloatBuffer();
        highValues = high.asFloatBuffer();
        lowRes = manager.create(low, new Shape(batch, 3, lrPatch, lrPatch), DataType.FLOAT32);
        highRes = manager.create(high, new Shape(batch, 3, hrPatch, hrPatch), DataType.FLOAT32);
    }

    /** [batch, 3, p, p] network input in [0, 1]. */
    NDArray lowRes() {
        return lowRes;
    }

    /** [batch, 3, p·s, p·s] target in [0, 1]. */
    NDArray highRes() {
        return highRes;
    }

    /** Refills both arrays with new random patches drawn with {@code random}. */
    void fill(List<TrainingPicture> pictures, Random random) {
        for (int n = 0; n < batch; n++) {
            TrainingPicture pic = pictures.get(random.nextInt(pictures.size()));
            if (pic.lrWidth() < lrPatch || pic.lrHeight() < lrPatch) {
                throw new IllegalArgumentException("picture " + pic.name() + " is smaller than the "
                        + lrPatch + "-pixel patch");
            }
            int x0 = random.nextInt(pic.lrWidth() - lrPatch + 1);
            int y0 = random.nextInt(pic.lrHeight() - lrPatch + 1);
            int symmetry = random.nextInt(8);
            copy(pic.lowRes(), pic.lrWidth(), x0, y0, lrPatch, symmetry, lowValues, n);
            copy(pic.highRes(), pic.hrWidth(), x0 * scale, y0 * scale, lrPatch * scale, symmetry, highValues, n);
        }
    }

    /**
     * Copies a size×size window at (x0, y0) of an RGB byte picture into sample {@code n} of an NCHW float
     * buffer, transformed by symmetry bit 0 (mirror x), bit 1 (mirror y), bit 2 (transpose). Bicubic
     * shrinking commutes with all eight, so LR and HR patches stay a true pair.
     */
    static void copy(byte[] rgb, int stride, int x0, int y0, int size, int symmetry, FloatBuffer out, int n) {
        boolean mirrorX = (symmetry & 1) != 0;
        boolean mirrorY = (symmetry & 2) != 0;
        boolean transpose = (symmetry & 4) != 0;
        int plane = size * size;
        int base = n * 3 * plane;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = transpose ? y : x;
                int sy = transpose ? x : y;
                if (mirrorX) {
                    sx = size - 1 - sx;
                }
                if (mirrorY) {
                    sy = size - 1 - sy;
                }
                int src = ((y0 + sy) * stride + x0 + sx) * 3;
                int dst = base + y * size + x;
                out.put(dst, (rgb[src] & 0xFF) / 255f);
                out.put(dst + plane, (rgb[src + 1] & 0xFF) / 255f);
                out.put(dst + 2 * plane, (rgb[src + 2] & 0xFF) / 255f);
            }
        }
    }

    @Override
    public void close() {
        lowRes.close();
        highRes.close();
    }
}
