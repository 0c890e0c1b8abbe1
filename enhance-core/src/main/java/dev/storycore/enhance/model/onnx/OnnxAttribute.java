package dev.storycore.enhance.model.onnx;

import java.util.Arrays;
import java.util.Objects;

/**
 * A node attribute (onnx.proto AttributeProto): an int, a float, a string, or a list of ints or floats.
 * Create with the static factories, e.g. {@code OnnxAttribute.ints("pads", 1, 1, 1, 1)}.
 */
public final class OnnxAttribute {
    // AttributeProto.AttributeType values from onnx.proto.
    static final int FLOAT = 1;
    static final int INT = 2;
    static final int STRING = 3;
    static final int FLOATS = 6;
    static final int INTS = 7;

    private final String name;
    private final int type;
    private final long intValue;
    private final float floatValue;
    private final String stringValue;
    private final long[] ints;
    private final float[] floats;

    private OnnxAttribute(String name, int type, long i, float f, String s, long[] ints, float[] floats) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        this.name = name;
        this.type = type;
        this.intValue = i;
        this.floatValue = f;
        this.stringValue = s;
        this.ints = ints;
        this.floats = floats;
    }

    public static OnnxAttribute of(String name, long value) {
        return new OnnxAttribute(name, INT, value, 0, null, null, null);
    }

    public static OnnxAttribute of(String name, float value) {
        return new OnnxAttribute(name, FLOAT, 0, value, null, null, null);
    }

    public static OnnxAttribute of(String name, String value) {
        return new OnnxAttribute(name, STRING, 0, 0, Objects.requireNonNull(value, "value"), null, null);
    }

    public static OnnxAttribute ints(String name, long... values) {
        return new OnnxAttribute(name, INTS, 0, 0, null, values.clone(), null);
    }

    public static OnnxAttribute floats(String name, float... values) {
        return new OnnxAttribute(name, FLOATS, 0, 0, null, null, values.clone());
    }

    public String name() {
        return name;
    }

    /** Encodes onnx.proto AttributeProto: name=1, f=2, i=3, s=4, floats=7, ints=8, type=20. */
    ProtoMessage encode() {
        ProtoMessage m = new ProtoMessage().string(1, name);
        switch (type) {
            case FLOAT -> m.float32(2, floatValue);
            case INT -> m.int64(3, intValue);
            case STRING -> m.bytes(4, stringValue.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case FLOATS -> m.repeatedFloat(7, floats);
            case INTS -> m.repeatedInt64(8, ints);
            default -> throw new IllegalStateException("attribute type " + type);
        }
        return m.int32(20, type);
    }

    @Override
    public String toString() {
        return name + "=" + switch (type) {
            case FLOAT -> Float.toString(floatValue);
            case INT -> Long.toString(intValue);
            case STRING -> '"' + stringValue + '"';
            case FLOATS -> Arrays.toString(floats);
            default -> Arrays.toString(ints);
        };
    }
}
