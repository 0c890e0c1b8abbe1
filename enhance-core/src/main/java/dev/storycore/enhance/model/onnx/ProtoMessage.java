package dev.storycore.enhance.model.onnx;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One protobuf message being encoded with {@link CodedOutputStream}. Nested messages are encoded first
 * and written as length-delimited bytes. onnx.proto is proto2, so repeated scalars are written
 * unpacked (one tag per value), as protoc would.
 */
final class ProtoMessage {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoMessage string(int field, String value) {
        try {
            out.writeString(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage int64(int field, long value) {
        try {
            out.writeInt64(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage int32(int field, int value) {
        try {
            out.writeInt32(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage float32(int field, float value) {
        try {
            out.writeFloat(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage repeatedInt64(int field, long[] values) {
        for (long v : values) {
            int64(field, v);
        }
        return this;
    }

    ProtoMessage repeatedFloat(int field, float[] values) {
        for (float v : values) {
            float32(field, v);
        }
        return this;
    }

    ProtoMessage bytes(int field, byte[] value) {
        try {
            out.writeByteArray(field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage message(int field, ProtoMessage nested) {
        return bytes(field, nested.toByteArray());
    }

    byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
