package dev.storycore.enhance.model.tfjs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a TF.js layers model (model.json + binary shards) the way the TF.js converter does, for tests:
 * a Keras Functional config and a weightsManifest whose weights are in shuffled order, split over two
 * groups, the first group cut into two shard files at an arbitrary byte.
 */
public final class TfjsModelFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode layers = JSON.createArrayNode();
    private final Map<String, float[]> weights = new LinkedHashMap<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();
    private final Set<String> uint8Quantized = new java.util.HashSet<>();
    private String input;
    private String output;

    public TfjsModelFiles inputLayer(String name) {
        ObjectNode config = JSON.createObjectNode().put("name", name).put("dtype", "float32");
        config.putArray("batch_input_shape").addNull().addNull().addNull().add(3);
        layer("InputLayer", name, config, List.of());
        input = name;
        return this;
    }

    /** Conv2D with weights drawn from {@code random} (kernel HWIO, bias). */
    public TfjsModelFiles conv(String name, String from, int in, int filters, int kh, int kw, String padding,
                               int dilation, String activation, boolean bias, Random random) {
        ObjectNode c = JSON.createObjectNode().put("name", name).put("filters", filters).put("padding", padding)
                .put("data_format", "channels_last").put("activation", activation).put("use_bias", bias)
                .put("groups", 1);
        c.putArray("kernel_size").add(kh).add(kw);
        c.putArray("strides").add(1).add(1);
        c.putArray("dilation_rate").add(dilation).add(dilation);
        layer("Conv2D", name, c, List.of(from));
        weight(name + "/kernel", new long[] {kh, kw, in, filters}, random, 0.3f);
        if (bias) {
            weight(name + "/bias", new long[] {filters}, random, 0.1f);
        }
        return this;
    }

    public TfjsModelFiles layer(String className, String name, ObjectNode config, List<String> inbound) {
        config.put("name", name);
        ObjectNode l = layers.addObject().put("class_name", className).put("name", name);
        l.set("config", config);
        ArrayNode nodes = l.putArray("inbound_nodes");
        if (!inbound.isEmpty()) {
            ArrayNode call = nodes.addArray();
            for (String from : inbound) {
                call.addArray().add(from).add(0).add(0).addObject();
            }
        }
        output = name;
        return this;
    }

    public static ObjectNode config() {
        return JSON.createObjectNode();
    }

    /** Stores the named weight as uint8 with affine quantisation; the reference must use the dequantised values. */
    public TfjsModelFiles quantizeUint8(String weightName) {
        float[] v = weights.get(weightName);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float scale = (max - min) / 255f;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round((v[i] - min) / scale) * scale + min; // exactly what dequantisation yields
        }
        uint8Quantized.add(weightName);
        return this;
    }

    public float[] weight(String name) {
        return weights.get(name);
    }

    public long[] shape(String name) {
        return shapes.get(name);
    }

    /** Writes model.json and the shard files into {@code dir}; returns model.json. */
    public Path write(Path dir, long seed) throws IOException {
        List<String> names = new ArrayList<>(weights.keySet());
        Collections.shuffle(names, new Random(seed));
        int split = names.size() / 2;
        ArrayNode manifest = JSON.createArrayNode();
        writeGroup(dir, "group1", names.subList(0, split), manifest, true);
        writeGroup(dir, "group2", names.subList(split, names.size()), manifest, false);

        ObjectNode root = JSON.createObjectNode().put("format", "layers-model").put("generatedBy", "test");
        ObjectNode modelConfig = root.putObject("modelTopology").putObject("model_config")
                .put("class_name", "Functional");
        ObjectNode config = modelConfig.putObject("config").put("name", "generated");
        config.set("layers", layers);
        config.putArray("input_layers").addArray().add(input).add(0).add(0);
        config.putArray("output_layers").addArray().add(output).add(0).add(0);
        root.set("weightsManifest", manifest);
        Path modelJson = dir.resolve("model.json");
        JSON.writeValue(modelJson.toFile(), root);
        return modelJson;
    }

    private void writeGroup(Path dir, String group, List<String> names, ArrayNode manifest, boolean twoShards)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectNode g = manifest.addObject();
        ArrayNode specs = g.putArray("weights");
        for (String name : names) {
            float[] v = weights.get(name);
            ObjectNode spec = specs.addObject().put("name", name).put("dtype", "float32");
            ArrayNode shape = spec.putArray("shape");
            Arrays.stream(shapes.get(name)).forEach(shape::add);
            if (uint8Quantized.contains(name)) {
                float min = Float.MAX_VALUE;
                float max = -Float.MAX_VALUE;
                for (float f : v) {
                    min = Math.min(min, f);
                    max = Math.max(max, f);
                }
                float scale = (max - min) / 255f;
                spec.putObject("quantization").put("dtype", "uint8").put("scale", scale).put("min", min);
                for (float f : v) {
                    bytes.write(Math.round((f - min) / scale));
                }
            } else {
                ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(v);
                bytes.write(b.array());
            }
        }
        byte[] all = bytes.toByteArray();
        ArrayNode paths = g.putArray("paths");
        if (twoShards) {
            int cut = all.length / 3 + 1; // not on a weight boundary
            Files.write(dir.resolve(group + "-shard1of2.bin"), Arrays.copyOfRange(all, 0, cut));
            Files.write(dir.resolve(group + "-shard2of2.bin"), Arrays.copyOfRange(all, cut, all.length));
            paths.add(group + "-shard1of2.bin").add(group + "-shard2of2.bin");
        } else {
            Files.write(dir.resolve(group + "-shard1of1.bin"), all);
            paths.add(group + "-shard1of1.bin");
        }
    }

    private void weight(String name, long[] shape, Random random, float amplitude) {
        int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (random.nextFloat() * 2 - 1) * amplitude;
        }
        weights.put(name, v);
        shapes.put(name, shape);
    }
}
