package dev.storycore.enhance.model.onnx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds an ONNX model (onnx.proto ModelProto) and writes it with protobuf's wire format, without
 * the generated onnx classes. Values are added in SSA order: every node input must already be a graph
 * input, an initializer or an earlier node's output, so a mistake fails here with the value's name
 * instead of inside ONNX Runtime.
 *
 * <pre>{@code
 * byte[] model = new OnnxGraphBuilder("double")
 *         .input("x", Dim.of(1), Dim.named("n"))
 *         .initializer("two", new long[0], new float[] {2f})
 *         .node("Mul", List.of("x", "two"), List.of("y"))
 *         .output("y", Dim.of(1), Dim.named("n"))
 *         .toByteArray();
 * }</pre>
 *
 * Only float tensors flow through graphs built here; int64 initializers exist for shape-like operands.
 */
public final class OnnxGraphBuilder {
    /** The operator set the builder targets (ai.onnx, default domain). */
    public static final int OPSET = 13;
    /** IR version 7 is the one that goes with opset 13. */
    static final long IR_VERSION = 7;

    // TensorProto.DataType values from onnx.proto.
    private static final int FLOAT = 1;
    private static final int INT64 = 7;

    private final String graphName;
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Set<String> known = new HashSet<>();
    private final Set<String> nodeNames = new HashSet<>();
    private String docString = "";

    public OnnxGraphBuilder(String graphName) {
        this.graphName = requireName(graphName, "graph name");
    }

    /** A float graph input with the given dimensions (fixed or symbolic). */
    public OnnxGraphBuilder input(String name, Dim... dims) {
        define(name);
        inputs.add(valueInfo(name, dims));
        return this;
    }

    /** A constant float tensor stored in the model (weights, biases, scalars: shape {@code new long[0]}). */
    public OnnxGraphBuilder initializer(String name, long[] dims, float[] values) {
        checkCount(name, dims, values.length);
        define(name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        initializers.add(tensor(name, dims, FLOAT, raw.array()));
        return this;
    }

    /** A constant int64 tensor stored in the model (shapes, axes). */
    public OnnxGraphBuilder initializerInt64(String name, long[] dims, long[] values) {
        checkCount(name, dims, values.length);
        define(name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        initializers.add(tensor(name, dims, INT64, raw.array()));
        return this;
    }

    /**
     * One operator of the default ONNX domain. An empty string in {@code inputs} skips an optional
     * operand (e.g. Resize's roi). The node is named after its first output.
     */
    public OnnxGraphBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs,
                                 OnnxAttribute... attributes) {
        requireName(opType, "op type");
        if (nodeOutputs.isEmpty()) {
            throw new IllegalArgumentException(opType + " node needs at least one output");
        }
        for (String in : nodeInputs) {
            if (!in.isEmpty() && !known.contains(in)) {
                throw new IllegalArgumentException(opType + " node reads '" + in
                        + "', which is not an input, initializer or earlier output of graph " + graphName);
            }
        }
        for (String out : nodeOutputs) {
            if (known.contains(out)) {
                throw new IllegalArgumentException("value '" + out + "' is defined twice in graph " + graphName);
            }
        }
        String nodeName = opType + "_" + nodeOutputs.get(0);
        if (!nodeNames.add(nodeName)) {
            throw new IllegalArgumentException("duplicate node name " + nodeName);
        }
        for (String out : nodeOutputs) {
            define(out);
        }
        // NodeProto: input=1, output=2, name=3, op_type=4, attribute=5
        ProtoMessage n = new ProtoMessage();
        nodeInputs.forEach(in -> n.string(1, in));
        nodeOutputs.forEach(out -> n.string(2, out));
        n.string(3, nodeName).string(4, opType);
        Set<String> attributeNames = new HashSet<>();
        for (OnnxAttribute a : attributes) {
            if (!attributeNames.add(a.name())) {
                throw new IllegalArgumentException(opType + " node " + nodeName + " has attribute " + a.name() + " twice");
            }
            n.message(5, a.encode());
        }
        nodes.add(n);
        return this;
    }

    /** Marks an existing value as a float graph output; no dimensions means the shape is left open. */
    public OnnxGraphBuilder output(String name, Dim... dims) {
        if (!known.contains(name)) {
            throw new IllegalArgumentException("output '" + name + "' is not produced by graph " + graphName);
        }
        outputs.add(valueInfo(name, dims));
        return this;
    }

    /** A key/value pair stored in the model (ModelProto.metadata_props), readable from ONNX Runtime. */
    public OnnxGraphBuilder metadata(String key, String value) {
        metadata.put(requireName(key, "metadata key"), value);
        return this;
    }

    public OnnxGraphBuilder docString(String text) {
        this.docString = text;
        return this;
    }

    /** The serialised ModelProto. */
    public byte[] toByteArray() {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalStateException("graph " + graphName + " needs at least one input and one output");
        }
        // GraphProto: node=1, name=2, initializer=5, doc_string=10, input=11, output=12
        ProtoMessage graph = new ProtoMessage();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        if (!docString.isEmpty()) {
            graph.string(10, docString);
        }
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));

        // ModelProto: ir_version=1, producer_name=2, producer_version=3, graph=7, opset_import=8, metadata_props=14
        ProtoMessage model = new ProtoMessage()
                .int64(1, IR_VERSION)
                .string(2, "storycore-enhance")
                .string(3, "1")
                .message(7, graph)
                .message(8, new ProtoMessage().string(1, "").int64(2, OPSET)); // OperatorSetIdProto: domain=1, version=2
        metadata.forEach((k, v) -> model.message(14, new ProtoMessage().string(1, k).string(2, v)));
        return model.toByteArray();
    }

    /** Writes the model to {@code file} through a temporary file and an atomic rename. */
    public void writeTo(Path file) {
        byte[] bytes = toByteArray();
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ONNX model " + file, e);
        }
    }

    private void define(String name) {
        requireName(name, "value name");
        if (!known.add(name)) {
            throw new IllegalArgumentException("value '" + name + "' is defined twice in graph " + graphName);
        }
    }

    private static void checkCount(String name, long[] dims, int count) {
        long n = 1;
        for (long d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("initializer " + name + " has a negative dimension " + Arrays.toString(dims));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != count) {
            throw new IllegalArgumentException("initializer " + name + " of shape " + Arrays.toString(dims)
                    + " needs " + n + " values, got " + count);
        }
    }

    /** TensorProto: dims=1, data_type=2, name=8, raw_data=9 (little-endian). */
    private static ProtoMessage tensor(String name, long[] dims, int dataType, byte[] raw) {
        return new ProtoMessage().repeatedInt64(1, dims).int32(2, dataType).string(8, name).bytes(9, raw);
    }

    /** ValueInfoProto{name=1, type=2: TypeProto{tensor_type=1: {elem_type=1, shape=2: {dim=1: {dim_value=1 | dim_param=2}}}}}. */
    private static ProtoMessage valueInfo(String name, Dim... dims) {
        ProtoMessage tensorType = new ProtoMessage().int32(1, FLOAT);
        if (dims.length > 0) {
            ProtoMessage shape = new ProtoMessage();
            for (Dim d : dims) {
                shape.message(1, d.isSymbolic() ? new ProtoMessage().string(2, d.param())
                        : new ProtoMessage().int64(1, d.value()));
            }
            tensorType.message(2, shape);
        }
        return new ProtoMessage().string(1, name).message(2, new ProtoMessage().message(1, tensorType));
    }

    private static String requireName(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return s;
    }
}
