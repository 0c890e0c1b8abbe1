package dev.storycore.enhance.model.waifu2x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxAttribute;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a waifu2x model in waifu2x's JSON format (as exported by waifu2x's torch tools and used by
 * waifu2x-converter-cpp: a list of {@code nn.SpatialConvolutionMM} layers with {@code nInputPlane},
 * {@code nOutputPlane}, {@code kW}, {@code kH}, {@code weight[out][in][kH][kW]} and {@code bias[out]})
 * into ONNX with the project's {@link OnnxGraphBuilder}. Architecture: the "vgg_7" family of the
 * noise-reduction and scale models - unpadded convolutions with leaky ReLU (slope 0.1) between them
 * and none after the last. The model shrinks the picture by the sum of the kernels' half-widths
 * (7 pixels per side for vgg_7); the graph first pads the input by that much ("edge" mode), so the
 * output has the input's size. Input and output: {@code [1, 3, H, W]} RGB in [0, 1].
 */
public final class Waifu2xJsonImporter {
    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "output";
    static final float LEAKY_SLOPE = 0.1f;

    private Waifu2xJsonImporter() {
    }

    /** The ONNX model bytes for a waifu2x JSON model. */
    public static byte[] convert(InputStream json, String modelName) {
        JsonNode layers;
        try {
            layers = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new ModelException("waifu2x model " + modelName + ": not valid JSON (" + e.getMessage()
                    + "); fetch it again with 'storycore models fetch'", e);
        }
        if (layers == null || !layers.isArray() || layers.isEmpty()) {
            throw new ModelException("waifu2x model " + modelName + ": expected a JSON array of convolution layers");
        }
        int offset = 0;
        for (JsonNode l : layers) {
            offset += (l.path("kH").asInt(0) - 1) / 2;
        }
        OnnxGraphBuilder g = new OnnxGraphBuilder("waifu2x_" + modelName.replaceAll("[^A-Za-z0-9_]", "_"));
        g.input(INPUT_NAME, Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"));
        g.initializerInt64("pads", new long[] {8}, new long[] {0, 0, offset, offset, 0, 0, offset, offset});
        g.node("Pad", List.of(INPUT_NAME, "pads"), List.of("padded"), OnnxAttribute.of("mode", "edge"));
        String current = "padded";
        int expectedIn = 3;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            int in = l.path("nInputPlane").asInt(-1);
            int out = l.path("nOutputPlane").asInt(-1);
            int kw = l.path("kW").asInt(-1);
            int kh = l.path("kH").asInt(-1);
            if (in != expectedIn || out < 1 || kw < 1 || kh < 1 || kw % 2 == 0 || kh % 2 == 0
                    || l.path("padW").asInt(0) != 0 || l.path("padH").asInt(0) != 0
                    || l.path("dW").asInt(1) != 1 || l.path("dH").asInt(1) != 1) {
                throw new ModelException("waifu2x model " + modelName + ": layer " + i + " is not an unpadded,"
                        + " stride-1, odd-kernel convolution with " + expectedIn + " input planes (got nInputPlane="
                        + in + ", kW=" + kw + ", kH=" + kh + "); only the vgg_7 family is supported");
            }
            float[] w = weights(l.path("weight"), out, in, kh, kw, modelName, i);
            float[] b = bias(l.path("bias"), out, modelName, i);
            g.initializer("w" + i, new long[] {out, in, kh, kw}, w);
            g.initializer("b" + i, new long[] {out}, b);
            String conv = i == layers.size() - 1 ? OUTPUT_NAME : "conv" + i;
            g.node("Conv", List.of(current, "w" + i, "b" + i), List.of(conv),
                    OnnxAttribute.ints("kernel_shape", kh, kw), OnnxAttribute.ints("pads", 0, 0, 0, 0));
            if (i < layers.size() - 1) {
                g.node("LeakyRelu", List.of(conv), List.of("act" + i), OnnxAttribute.of("alpha", LEAKY_SLOPE));
                current = "act" + i;
            }
            expectedIn = out;
        }
        if (expectedIn != 3) {
            throw new ModelException("waifu2x model " + modelName + ": the last layer has " + expectedIn
                    + " output planes; an RGB model needs 3");
        }
        g.output(OUTPUT_NAME, Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"));
        g.docString("Converted from the waifu2x JSON model " + modelName + " by StoryCore Enhance (vgg_7 family,"
                + " edge padding of " + offset + " pixels).");
        return g.toByteArray();
    }

    private static float[] weights(JsonNode w, int out, int in, int kh, int kw, String model, int layer) {
        List<Float> flat = new ArrayList<>(out * in * kh * kw);
        flatten(w, flat);
        if (flat.size() != out * in * kh * kw) {
            throw new ModelException("waifu2x model " + model + ": layer " + layer + " has " + flat.size()
                    + " weights, expected " + out + "x" + in + "x" + kh + "x" + kw);
        }
        float[] v = new float[flat.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = flat.get(i);
        }
        return v;
    }

    private static float[] bias(JsonNode b, int out, String model, int layer) {
        if (!b.isArray() || b.size() != out) {
            throw new ModelException("waifu2x model " + model + ": layer " + layer + " needs " + out + " biases");
        }
        float[] v = new float[out];
        for (int i = 0; i < out; i++) {
            v[i] = (float) b.get(i).asDouble();
        }
        return v;
    }

    private static void flatten(JsonNode n, List<Float> into) {
        if (n.isArray()) {
            for (JsonNode c : n) {
                flatten(c, into);
            }
        } else if (n.isNumber()) {
            into.add((float) n.asDouble());
        }
    }
}
