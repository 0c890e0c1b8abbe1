package dev.storycore.enhance.model.onnx;

/**
 * One dimension of a graph input or output: a fixed size, or a named symbolic size ("height") that
 * ONNX Runtime resolves per run.
 */
public record Dim(long value, String param) {
    public Dim {
        if (param == null && value <= 0) {
            throw new IllegalArgumentException("a fixed dimension must be positive, got " + value);
        }
        if (param != null && (param.isBlank() || value != 0)) {
            throw new IllegalArgumentException("a symbolic dimension has a non-blank name and no value");
        }
    }

    public static Dim of(long value) {
        return new Dim(value, null);
    }

    public static Dim named(String param) {
        return new Dim(0, param);
    }

    public boolean isSymbolic() {
        return param != null;
    }

    @Override
    public String toString() {
        return isSymbolic() ? param : Long.toString(value);
    }
}
