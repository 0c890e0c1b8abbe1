package dev.storycore.enhance.model;

import java.util.Arrays;

/** A dense float tensor in row-major order, with its shape. The data array is owned by the tensor. */
public record FloatTensor(float[] data, long[] shape) {
    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("shape dimensions must be positive: " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    public static FloatTensor zeros(long... shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return new FloatTensor(new float[Math.toIntExact(n)], shape.clone());
    }

    public int dim(int i) {
        return Math.toIntExact(shape[i]);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
