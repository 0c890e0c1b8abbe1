package dev.storycore.enhance.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxAttribute;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a TF.js layers model (model.json + weight shards) of an image-to-image network into an ONNX
 * graph. Keras runs channels-last (NHWC); the ONNX graph runs channels-first (NCHW) throughout, so
 * kernels are transposed (HWIO to OIHW) and channel axes remapped once here, with no Transpose nodes.
 * The graph has one input {@value #INPUT_NAME} [1, 3, height, width] with dynamic height and width and
 * one output {@value #OUTPUT_NAME}, both in the model's own value range.
 *
 * <p>Layers: InputLayer, Conv2D (linear/relu activation, same/valid padding, strides, dilation, groups),
 * Activation (relu/linear), Concatenate, Add, UpSampling2D (nearest), and UpscalerJS's custom
 * MultiplyBeta (x beta) and PixelShuffleNx (TF depth_to_space NHWC = ONNX DepthToSpace mode DCR).
 * Anything else is refused with "unsupported layer X in model Y".
 */
public final class TfjsLayersImporter {
    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "output";
    /** Changes whenever the graphs this importer writes change, so converted-model caches are rebuilt. */
    public static final String CONVERTER_VERSION = "tfjs-onnx-1";

    static final List<String> SUPPORTED = List.of("InputLayer", "Conv2D", "Activation", "Concatenate", "Add",
            "UpSampling2D", "MultiplyBeta", "PixelShuffle<N>x");
    private static final Pattern PIXEL_SHUFFLE = Pattern.compile("PixelShuffle(\\d+)x");
    private static final Logger LOG = LoggerFactory.getLogger(TfjsLayersImporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String modelName;
    private final TfjsWeights weights;
    private final OnnxGraphBuilder graph;
    private final Map<String, String> valueOf = new HashMap<>();
    private final Map<String, Integer> channelsOf = new HashMap<>();

    private TfjsLayersImporter(String modelName, TfjsWeights weights) {
        this.modelName = modelName;
        this.weights = weights;
        this.graph = new OnnxGraphBuilder(modelName);
    }

    /**
     * Reads {@code modelJson} and its weight shards (next to it) and returns the ONNX model bytes.
     *
     * @param modelName used in error messages and as the graph name, e.g. "esrgan-slim-x2"
     * @throws ModelException for unreadable files, unsupported layers or weights that do not fit
     */
    public static byte[] convert(Path modelJson, String modelName) {
        JsonNode root;
        try {
            root = JSON.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new ModelException("cannot read TF.js model " + modelJson + ": " + e.getMessage(), e);
        }
        String format = root.path("format").asText("layers-model");
        if (!format.equals("layers-model")) {
            throw new ModelException("model " + modelName + " is a TF.js '" + format
                    + "'; only layers models (format 'layers-model') can be imported");
        }
        JsonNode topology = root.path("modelTopology");
        JsonNode modelConfig = topology.has("model_config") ? topology.path("model_config") : topology;
        Path dir = modelJson.toAbsolutePath().getParent();
        TfjsWeights weights = TfjsWeights.read(dir, root.get("weightsManifest"), modelName);
        TfjsLayersImporter importer = new TfjsLayersImporter(modelName, weights);
        byte[] onnx = importer.build(modelConfig);
        if (!weights.unused().isEmpty()) {
            LOG.debug("model {}: weights not used by any layer: {}", modelName, weights.unused());
        }
        return onnx;
    }

    private byte[] build(JsonNode modelConfig) {
        String className = modelConfig.path("class_name").asText();
        JsonNode config = modelConfig.path("config");
        List<KerasLayer> layers = new ArrayList<>();
        String outputLayer;
        switch (className) {
            case "Functional", "Model" -> {
                for (JsonNode l : config.path("layers")) {
                    layers.add(KerasLayer.functional(l, modelName));
                }
                requireSingle(config.path("input_layers"), "input");
                requireSingle(config.path("output_layers"), "output");
                outputLayer = config.path("output_layers").path(0).path(0).asText();
            }
            case "Sequential" -> {
                JsonNode list = config.isArray() ? config : config.path("layers");
                String previous = null;
                for (JsonNode l : list) {
                    KerasLayer layer = KerasLayer.sequential(l, previous);
                    if (previous == null && !layer.className().equals("InputLayer")) {
                        layers.add(new KerasLayer("InputLayer", layer.name() + "_input", layer.config(), List.of()));
                        layer = new KerasLayer(layer.className(), layer.name(), layer.config(),
                                List.of(layer.name() + "_input"));
                    }
                    layers.add(layer);
                    previous = layer.name();
                }
                outputLayer = previous;
            }
            default -> throw new ModelException("model " + modelName + " has model class '" + className
                    + "'; the importer reads Functional and Sequential Keras models");
        }
        if (layers.isEmpty() || outputLayer == null) {
            throw new ModelException("model " + modelName + " has no layers");
        }
        for (KerasLayer layer : layers) {
            convert(layer);
        }
        String out = value(outputLayer);
        if (channelsOf.get(outputLayer) != 3) {
            throw new ModelException("model " + modelName + " outputs " + channelsOf.get(outputLayer)
                    + " channels; an image model outputs 3 (RGB)");
        }
        graph.node("Identity", List.of(out), List.of(OUTPUT_NAME));
        graph.output(OUTPUT_NAME, Dim.of(1), Dim.of(3), Dim.named("out_height"), Dim.named("out_width"));
        graph.metadata("storycore.source", modelName);
        graph.metadata("storycore.converter", CONVERTER_VERSION);
        graph.docString("Converted from the TF.js layers model " + modelName + " by StoryCore Enhance ("
                + CONVERTER_VERSION + "); NCHW RGB in, NCHW RGB out.");
        return graph.toByteArray();
    }

    private void convert(KerasLayer layer) {
        String className = layer.className();
        Matcher shuffle = PIXEL_SHUFFLE.matcher(className);
        switch (className) {
            case "InputLayer" -> input(layer);
            case "Conv2D" -> conv2d(layer);
            case "Activation" -> activation(layer, layer.text("activation", "linear"), single(layer),
                    channelsOf.get(layer.inbound().get(0)));
            case "Concatenate" -> concatenate(layer);
            case "Add" -> add(layer);
            case "UpSampling2D" -> upSampling(layer);
            case "MultiplyBeta" -> multiplyBeta(layer);
            default -> {
                if (shuffle.matches()) {
                    pixelShuffle(layer, Integer.parseInt(shuffle.group(1)));
                } else {
                    throw new ModelException("unsupported layer " + className + " ('" + layer.name() + "') in model "
                            + modelName + "; the importer supports " + SUPPORTED);
                }
            }
        }
    }

    private void input(KerasLayer layer) {
        JsonNode shape = layer.config().path("batch_input_shape");
        if (shape.isMissingNode() || shape.isNull()) {
            shape = layer.config().path("batch_shape");
        }
        JsonNode channels = shape.path(shape.size() - 1);
        if (shape.size() != 4 || (!channels.isNull() && channels.asInt() != 3)) {
            throw new ModelException("model " + modelName + " input " + layer.name() + " has shape " + shape
                    + "; an image model takes [batch, height, width, 3] (RGB)");
        }
        if (valueOf.containsValue(INPUT_NAME)) {
            throw new ModelException("model " + modelName + " has more than one input; an image model has one");
        }
        graph.input(INPUT_NAME, Dim.of(1), Dim.of(3), Dim.named("height"), Dim.named("width"));
        define(layer.name(), INPUT_NAME, 3);
    }

    private void conv2d(KerasLayer layer) {
        requireChannelsLast(layer);
        String in = single(layer);
        int inChannels = channelsOf.get(layer.inbound().get(0));
        int filters = layer.config().path("filters").asInt();
        int kh = layer.intAt("kernel_size", 0, 1);
        int kw = layer.intAt("kernel_size", 1, kh);
        int sh = layer.intAt("strides", 0, 1);
        int sw = layer.intAt("strides", 1, sh);
        int dh = layer.intAt("dilation_rate", 0, 1);
        int dw = layer.intAt("dilation_rate", 1, dh);
        int groups = layer.config().path("groups").asInt(1);
        String padding = layer.text("padding", "valid");

        TfjsWeights.Weight kernel = weights.take(layer.name(), "kernel");
        long[] ks = kernel.shape();
        if (ks.length != 4 || ks[0] != kh || ks[1] != kw || ks[2] * groups != inChannels || ks[3] != filters) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + ": kernel shape "
                    + java.util.Arrays.toString(ks) + " does not fit a " + kh + "x" + kw + " convolution from "
                    + inChannels + " to " + filters + " channels in " + groups + " group(s)");
        }
        String w = layer.name() + "/kernel";
        graph.initializer(w, new long[] {filters, ks[2], kh, kw}, hwioToOihw(kernel.values(), kh, kw, (int) ks[2], filters));
        List<String> inputs = new ArrayList<>(List.of(in, w));
        if (layer.config().path("use_bias").asBoolean(true)) {
            TfjsWeights.Weight bias = weights.take(layer.name(), "bias");
            if (bias.values().length != filters) {
                throw new ModelException("layer " + layer.name() + " in model " + modelName + ": bias has "
                        + bias.values().length + " values for " + filters + " filters");
            }
            graph.initializer(layer.name() + "/bias", new long[] {filters}, bias.values());
            inputs.add(layer.name() + "/bias");
        }

        List<OnnxAttribute> attributes = new ArrayList<>(List.of(
                OnnxAttribute.ints("kernel_shape", kh, kw),
                OnnxAttribute.ints("strides", sh, sw),
                OnnxAttribute.ints("dilations", dh, dw),
                OnnxAttribute.of("group", groups)));
        switch (padding) {
            case "valid" -> attributes.add(OnnxAttribute.ints("pads", 0, 0, 0, 0));
            case "same" -> {
                if (sh == 1 && sw == 1) {
                    // TF "same": total padding (k-1)*d, the odd pixel goes after (bottom/right).
                    long th = (long) (kh - 1) * dh;
                    long tw = (long) (kw - 1) * dw;
                    attributes.add(OnnxAttribute.ints("pads", th / 2, tw / 2, th - th / 2, tw - tw / 2));
                } else {
                    attributes.add(OnnxAttribute.of("auto_pad", "SAME_UPPER"));
                }
            }
            default -> throw new ModelException("layer " + layer.name() + " in model " + modelName
                    + " has padding '" + padding + "'; supported: same, valid");
        }
        String activation = layer.text("activation", "linear");
        String convOut = activation.equals("linear") ? layer.name() : layer.name() + "/conv";
        graph.node("Conv", inputs, List.of(valueName(convOut)), attributes.toArray(OnnxAttribute[]::new));
        if (activation.equals("linear")) {
            define(layer.name(), valueName(convOut), filters);
        } else {
            activation(layer, activation, valueName(convOut), filters);
        }
    }

    /** Applies {@code activation} to value {@code in}; the result is the value of {@code layer}. */
    private void activation(KerasLayer layer, String activation, String in, int channels) {
        String op = switch (activation) {
            case "relu" -> "Relu";
            case "linear" -> "Identity";
            default -> throw new ModelException("unsupported activation '" + activation + "' in layer "
                    + layer.name() + " of model " + modelName + "; supported: relu, linear");
        };
        graph.node(op, List.of(in), List.of(valueName(layer.name())));
        define(layer.name(), valueName(layer.name()), channels);
    }

    private void concatenate(KerasLayer layer) {
        int axis = layer.config().path("axis").asInt(-1);
        int nhwc = axis < 0 ? axis + 4 : axis;
        if (nhwc < 1 || nhwc > 3) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName
                    + " concatenates along axis " + axis + "; only height, width or channel axes are supported");
        }
        int nchw = new int[] {0, 2, 3, 1}[nhwc];
        List<String> ins = inputs(layer);
        int channels = nchw == 1 ? layer.inbound().stream().mapToInt(channelsOf::get).sum()
                : channelsOf.get(layer.inbound().get(0));
        graph.node("Concat", ins, List.of(valueName(layer.name())), OnnxAttribute.of("axis", nchw));
        define(layer.name(), valueName(layer.name()), channels);
    }

    private void add(KerasLayer layer) {
        List<String> ins = inputs(layer);
        if (ins.size() < 2) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + " adds fewer than two inputs");
        }
        graph.node(ins.size() == 2 ? "Add" : "Sum", ins, List.of(valueName(layer.name())));
        define(layer.name(), valueName(layer.name()), channelsOf.get(layer.inbound().get(0)));
    }

    private void upSampling(KerasLayer layer) {
        requireChannelsLast(layer);
        String interpolation = layer.text("interpolation", "nearest");
        if (!interpolation.equals("nearest")) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + " upsamples with '"
                    + interpolation + "'; the importer supports nearest");
        }
        int sh = layer.intAt("size", 0, 2);
        int sw = layer.intAt("size", 1, sh);
        String scales = layer.name() + "/scales";
        graph.initializer(scales, new long[] {4}, new float[] {1f, 1f, sh, sw});
        // asymmetric + floor: output pixel y reads input floor(y / s), i.e. plain pixel repetition as Keras does.
        graph.node("Resize", List.of(single(layer), "", scales), List.of(valueName(layer.name())),
                OnnxAttribute.of("mode", "nearest"),
                OnnxAttribute.of("coordinate_transformation_mode", "asymmetric"),
                OnnxAttribute.of("nearest_mode", "floor"));
        define(layer.name(), valueName(layer.name()), channelsOf.get(layer.inbound().get(0)));
    }

    private void multiplyBeta(KerasLayer layer) {
        float beta = (float) layer.config().path("beta").asDouble(0.2);
        String constant = layer.name() + "/beta";
        graph.initializer(constant, new long[0], new float[] {beta});
        graph.node("Mul", List.of(single(layer), constant), List.of(valueName(layer.name())));
        define(layer.name(), valueName(layer.name()), channelsOf.get(layer.inbound().get(0)));
    }

    private void pixelShuffle(KerasLayer layer, int classScale) {
        int block = layer.config().path("scale").asInt(classScale);
        int in = channelsOf.get(layer.inbound().get(0));
        if (in % (block * block) != 0) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + " shuffles " + in
                    + " channels by " + block + "x" + block + "; the channel count must divide by " + block * block);
        }
        // TF depth_to_space (NHWC): out[y*b+i, x*b+j, k] = in[y, x, (i*b+j)*C + k]; ONNX DCR orders depth the same way.
        graph.node("DepthToSpace", List.of(single(layer)), List.of(valueName(layer.name())),
                OnnxAttribute.of("blocksize", block), OnnxAttribute.of("mode", "DCR"));
        define(layer.name(), valueName(layer.name()), in / (block * block));
    }

    /** Keras HWIO [kh][kw][in][out] to ONNX OIHW [out][in][kh][kw]. */
    static float[] hwioToOihw(float[] hwio, int kh, int kw, int in, int out) {
        float[] oihw = new float[hwio.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    int src = ((y * kw + x) * in + i) * out;
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + y) * kw + x] = hwio[src + o];
                    }
                }
            }
        }
        return oihw;
    }

    private void requireChannelsLast(KerasLayer layer) {
        String format = layer.text("data_format", "channels_last");
        if (!format.equals("channels_last")) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + " uses data_format "
                    + format + "; TF.js layers models run channels_last");
        }
    }

    private void requireSingle(JsonNode list, String role) {
        if (list.size() != 1) {
            throw new ModelException("model " + modelName + " has " + list.size() + " " + role
                    + " layers; an image model has exactly one");
        }
    }

    private String single(KerasLayer layer) {
        if (layer.inbound().size() != 1) {
            throw new ModelException("layer " + layer.name() + " in model " + modelName + " has "
                    + layer.inbound().size() + " inputs; a " + layer.className() + " layer takes one");
        }
        return value(layer.inbound().get(0));
    }

    private List<String> inputs(KerasLayer layer) {
        return layer.inbound().stream().map(this::value).toList();
    }

    private String value(String layerName) {
        String v = valueOf.get(layerName);
        if (v == null) {
            throw new ModelException("model " + modelName + " reads layer '" + layerName
                    + "' before it is defined (or it does not exist)");
        }
        return v;
    }

    private void define(String layerName, String value, int channels) {
        valueOf.put(layerName, value);
        channelsOf.put(layerName, channels);
    }

    /** Layer names become value names, except where they would clash with the graph's own input/output. */
    private static String valueName(String layerName) {
        return layerName.equals(INPUT_NAME) || layerName.equals(OUTPUT_NAME) ? layerName + "_layer" : layerName;
    }
}
