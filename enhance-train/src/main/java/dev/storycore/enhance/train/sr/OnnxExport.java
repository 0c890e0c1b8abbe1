package dev.storycore.enhance.train.sr;

import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxAttribute;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a trained {@link SrNetwork} as ONNX with the project's own {@link OnnxGraphBuilder}, wiring the
 * nodes with the same {@link SrTopology} the network trained with. The bicubic branch becomes Pad(edge)
 * + a grouped Conv with the fixed {@link BicubicPhases} weights, the sub-pixel step DepthToSpace(CRD),
 * so the model honours the ImageModel contract: input "input" [N, 3, H, W] RGB in [0, 1], output
 * "output" [N, 3, H·s, W·s] clipped to [0, 1].
 */
final class OnnxExport {
    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private OnnxExport() {
    }

    static byte[] toBytes(SrNetwork net, Map<String, String> metadata) {
        return builder(net, metadata).toByteArray();
    }

    private static OnnxGraphBuilder builder(SrNetwork net, Map<String, String> metadata) {
        NetworkSpec spec = net.spec();
        OnnxGraphBuilder g = new OnnxGraphBuilder(spec.modelId());
        g.input(INPUT, Dim.named("batch"), Dim.of(3), Dim.named("height"), Dim.named("width"));
        Ops ops = new Ops(g, net);
        String out = SrTopology.forward(spec, ops, INPUT, true);
        g.node("Identity", List.of(out), List.of(OUTPUT));
        g.output(OUTPUT, Dim.named("batch"), Dim.of(3), Dim.named("out_height"), Dim.named("out_width"));
        g.docString(spec.modelId() + ": residual CNN over a bicubic upscale, trained by StoryCore Enhance"
                + " (enhance-train). Input RGB [0,1] NCHW; output x" + spec.scale() + ".");
        g.metadata("storycore.model_id", spec.modelId());
        g.metadata("storycore.scale", Integer.toString(spec.scale()));
        metadata.forEach(g::metadata);
        return g;
    }

    static void write(SrNetwork net, Map<String, String> metadata, Path file) {
        builder(net, metadata).writeTo(file);
    }

    /** The operations as ONNX nodes; values are named after the node that makes them. */
    private static final class Ops implements SrOps<String> {
        private final OnnxGraphBuilder g;
        private final SrNetwork net;
        private int counter;

        Ops(OnnxGraphBuilder g, SrNetwork net) {
            this.g = g;
            this.net = net;
        }

        private String fresh(String op) {
            return op.toLowerCase(java.util.Locale.ROOT) + "_" + counter++;
        }

        @Override
        public String conv(int index, String x) {
            NetworkSpec spec = net.spec();
            String w = "conv" + index + ".weight";
            String b = "conv" + index + ".bias";
            g.initializer(w, new long[] {spec.convOut(index), spec.convIn(index), 3, 3}, net.weight(index).toFloatArray());
            g.initializer(b, new long[] {spec.convOut(index)}, net.bias(index).toFloatArray());
            String y = "conv" + index;
            g.node("Conv", List.of(x, w, b), List.of(y), OnnxAttribute.ints("kernel_shape", 3, 3),
                    OnnxAttribute.ints("pads", 1, 1, 1, 1));
            return y;
        }

        @Override
        public String relu(String x) {
            String y = fresh("Relu");
            g.node("Relu", List.of(x), List.of(y));
            return y;
        }

        @Override
        public String add(String a, String b) {
            String y = fresh("Add");
            g.node("Add", List.of(a, b), List.of(y));
            return y;
        }

        @Override
        public String bicubicPhases(String x) {
            int s = net.spec().scale();
            int p = BicubicPhases.PAD;
            g.initializerInt64("bicubic.pads", new long[] {8}, new long[] {0, 0, p, p, 0, 0, p, p});
            g.node("Pad", List.of(x, "bicubic.pads"), List.of("bicubic.padded"), OnnxAttribute.of("mode", "edge"));
            int k = BicubicPhases.KERNEL;
            g.initializer("bicubic.weight", new long[] {3L * s * s, 1, k, k}, BicubicPhases.weights(s));
            g.node("Conv", List.of("bicubic.padded", "bicubic.weight"), List.of("bicubic"),
                    OnnxAttribute.ints("kernel_shape", k, k), OnnxAttribute.of("group", 3));
            return "bicubic";
        }

        @Override
        public String pixelShuffle(String x) {
            String y = fresh("DepthToSpace");
            g.node("DepthToSpace", List.of(x), List.of(y), OnnxAttribute.of("blocksize", net.spec().scale()),
                    OnnxAttribute.of("mode", "CRD"));
            return y;
        }

        @Override
        public String clipUnit(String x) {
            g.initializer("zero", new long[0], new float[] {0f});
            g.initializer("one", new long[0], new float[] {1f});
            String y = fresh("Clip");
            g.node("Clip", List.of(x, "zero", "one"), List.of(y));
            return y;
        }
    }
}
