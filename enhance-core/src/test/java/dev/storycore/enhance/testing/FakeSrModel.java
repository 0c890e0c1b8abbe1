package dev.storycore.enhance.testing;

import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ValueRange;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain-Java stand-in for a super-resolution network with a real receptive field: a
 * (2·radius+1)² box filter with zero padding at the input's edges (as a network's "same"
 * convolutions pad), then nearest-neighbour upsampling by {@code scale}, plus a small
 * channel-dependent offset so a swapped channel order shows. A tile that lacks {@code radius}
 * pixels of context gives a visibly different result, so tiling seams show.
 */
public class FakeSrModel implements ImageModel {
    private final String id;
    private final int scale;
    private final int radius;
    private final ValueRange range;
    private final int preferredTile;
    private final AtomicInteger runs = new AtomicInteger();
    private final AtomicLong largestInput = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    public FakeSrModel(String id, int scale, int radius, ValueRange range, int preferredTile) {
        this.id = id;
        this.scale = scale;
        this.radius = radius;
        this.range = range;
        this.preferredTile = preferredTile;
    }

    /** "esrgan-FAMILY-xS"-style fake with radius 2, range [0,1], tile 64. */
    public static FakeSrModel of(String id, int scale) {
        return new FakeSrModel(id, scale, 2, ValueRange.UNIT, 64);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int scale() {
        return scale;
    }

    @Override
    public ValueRange valueRange() {
        return range;
    }

    @Override
    public int preferredTile() {
        return preferredTile;
    }

    @Override
    public FloatTensor run(FloatTensor input) {
        if (closed.get()) {
            throw new IllegalStateException("model " + id + " is closed");
        }
        if (input.shape().length != 4 || input.dim(0) != 1 || input.dim(1) != 3) {
            throw new IllegalArgumentException("expected [1, 3, h, w], got " + input);
        }
        runs.incrementAndGet();
        largestInput.accumulateAndGet(input.data().length, Math::max);
        int h = input.dim(2);
        int w = input.dim(3);
        float[] in = input.data();
        float[] out = new float[3 * h * scale * w * scale];
        int oh = h * scale;
        int ow = w * scale;
        float span = range.max() - range.min();
        for (int c = 0; c < 3; c++) {
            float[] blurred = boxBlur(in, c * h * w, h, w);
            float offset = (c - 1) * 0.02f * span; // R darker, B brighter: a swapped order shows
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    out[(c * oh + y) * ow + x] = blurred[(y / scale) * w + x / scale] + offset;
                }
            }
        }
        return new FloatTensor(out, new long[] {1, 3, oh, ow});
    }

    private float[] boxBlur(float[] in, int base, int h, int w) {
        float[] out = new float[h * w];
        float norm = (2 * radius + 1) * (2 * radius + 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = y + dy;
                    if (yy < 0 || yy >= h) {
                        continue; // zero padding
                    }
                    for (int dx = -radius; dx <= radius; dx++) {
                        int xx = x + dx;
                        if (xx >= 0 && xx < w) {
                            sum += in[base + yy * w + xx] - range.min();
                        }
                    }
                }
                out[y * w + x] = sum / norm + range.min();
            }
        }
        return out;
    }

    /** How many times {@link #run} was called. */
    public int runs() {
        return runs.get();
    }

    /** The most values one input tensor held. */
    public long largestInput() {
        return largestInput.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
