package dev.storycore.enhance.ops;

/** A picture size in pixels. */
public record Size(int width, int height) {
    public Size {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
        }
    }

    public long pixels() {
        return (long) width * height;
    }

    public Size scaled(int factor) {
        return new Size(Math.multiplyExact(width, factor), Math.multiplyExact(height, factor));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
