package dev.storycore.enhance.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storycore.enhance.errors.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weights of a TF.js layers model, read from its weightsManifest: each group's shard files are
 * concatenated and the group's weights lie one after another in manifest order (which is not the
 * graph's order; weights are looked up by name). float32 and int32 are read directly; uint8/uint16
 * affine-quantised and float16 weights are dequantised to float32.
 */
final class TfjsWeights {
    /** A weight tensor as TF.js stores it (Keras layout, e.g. HWIO for Conv2D kernels). */
    record Weight(String name, long[] shape, float[] values) {
    }

    private final Map<String, Weight> byName;
    private final Set<String> unused;
    private final String modelName;

    private TfjsWeights(Map<String, Weight> byName, String modelName) {
        this.byName = byName;
        this.unused = new LinkedHashSet<>(byName.keySet());
        this.modelName = modelName;
    }

    static TfjsWeights read(Path modelDir, JsonNode manifest, String modelName) {
        if (manifest == null || !manifest.isArray()) {
            throw new ModelException("model " + modelName + " has no weightsManifest; a TF.js layers model"
                    + " lists its weight files there");
        }
        Map<String, Weight> weights = new HashMap<>();
        for (JsonNode group : manifest) {
            ByteBuffer data = ByteBuffer.wrap(readShards(modelDir, group.path("paths"), modelName))
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                Weight w = decode(spec, data, modelName);
                if (weights.put(w.name(), w) != null) {
                    throw new ModelException("model " + modelName + " lists weight " + w.name() + " twice");
                }
            }
            if (data.hasRemaining()) {
                throw new ModelException("model " + modelName + ": weight files " + group.path("paths") + " hold "
                        + data.remaining() + " bytes more than the manifest describes; the files do not match"
                        + " model.json (re-fetch the model)");
            }
        }
        return new TfjsWeights(weights, modelName);
    }

    /**
     * The weight called {@code layer + "/" + kind} (e.g. "F_0/kernel"); when the converter nested the
     * name under a scope ("generator/F_0/kernel"), the one weight ending in that name.
     */
    Weight take(String layer, String kind) {
        String name = layer + "/" + kind;
        Weight w = byName.get(name);
        if (w == null) {
            var matches = byName.keySet().stream().filter(n -> n.endsWith("/" + name)).toList();
            if (matches.size() == 1) {
                w = byName.get(matches.get(0));
            } else {
                throw new ModelException("model " + modelName + " has no weight " + name + " for layer " + layer
                        + (matches.isEmpty() ? "" : " (several candidates: " + matches + ")")
                        + "; weights present: " + abbreviated(new TreeSet<>(byName.keySet())));
            }
        }
        unused.remove(w.name());
        return w;
    }

    /** Weights no layer asked for. */
    Set<String> unused() {
        return Set.copyOf(unused);
    }

    private static byte[] readShards(Path modelDir, JsonNode paths, String modelName) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode p : paths) {
            String relative = p.asText();
            Path shard = modelDir.resolve(relative).normalize();
            if (relative.isEmpty() || !shard.startsWith(modelDir.normalize())) {
                throw new ModelException("model " + modelName + " names weight file '" + relative
                        + "' outside its folder; refusing to read it");
            }
            try {
                all.write(Files.readAllBytes(shard));
            } catch (IOException e) {
                throw new ModelException("model " + modelName + ": cannot read weight file " + shard + " ("
                        + e.getMessage() + "); re-fetch the model with 'storycore models fetch'", e);
            }
        }
        return all.toByteArray();
    }

    private static Weight decode(JsonNode spec, ByteBuffer data, String modelName) {
        String name = spec.path("name").asText();
        long[] shape = new long[spec.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.path("shape").get(i).asLong();
            count = Math.multiplyExact(count, shape[i]);
        }
        int n = Math.toIntExact(count);
        String dtype = spec.path("dtype").asText("float32");
        JsonNode q = spec.get("quantization");
        String storedAs = q == null ? dtype : q.path("dtype").asText();
        int bytesPer = switch (storedAs) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new ModelException("model " + modelName + ": weight " + name + " is stored as '"
                    + storedAs + "', which the importer does not read (supported: float32, int32, and uint8/uint16/"
                    + "float16 quantisation)");
        };
        if ((long) n * bytesPer > data.remaining()) {
            throw new ModelException("model " + modelName + ": weight files end inside weight " + name + " ("
                    + n * (long) bytesPer + " bytes needed, " + data.remaining() + " left); re-fetch the model");
        }
        float[] values = new float[n];
        if (q == null) {
            for (int i = 0; i < n; i++) {
                values[i] = dtype.equals("int32") ? data.getInt() : data.getFloat();
            }
        } else if (storedAs.equals("float16")) {
            for (int i = 0; i < n; i++) {
                values[i] = halfToFloat(data.getShort());
            }
        } else {
            if (!q.has("scale") || !q.has("min")) {
                throw new ModelException("model " + modelName + ": quantised weight " + name
                        + " lacks 'scale' or 'min' in its quantization entry");
            }
            float scale = (float) q.get("scale").asDouble();
            float min = (float) q.get("min").asDouble();
            for (int i = 0; i < n; i++) {
                int v = storedAs.equals("uint8") ? Byte.toUnsignedInt(data.get()) : Short.toUnsignedInt(data.getShort());
                values[i] = v * scale + min;
            }
        }
        return new Weight(name, shape, values);
    }

    /** IEEE 754 binary16 to binary32. */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int mant = h & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            if (mant == 0) {
                return Float.intBitsToFloat(sign);
            }
            float value = mant / 1024f / 16384f; // subnormal: mant * 2^-24
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static String abbreviated(Set<String> names) {
        return names.size() <= 12 ? names.toString()
                : Arrays.toString(names.stream().limit(12).toArray()) + " and " + (names.size() - 12) + " more";
    }
}
