package dev.storycore.enhance.bench.sr;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** One contender in the super-resolution benchmark: a low-resolution picture in, the upscaled one out. */
interface SrMethod extends AutoCloseable {
    /** Column label, e.g. "bicubic" or "esrgan-slim". */
    String name();

    /** Why this method cannot run at this factor (e.g. its network is not fetched), or empty when it can. */
    Optional<String> unavailable(int scale);

    /** The picture upscaled by {@code scale}; the caller closes it. */
    Mat upscale(Mat lowRes, int scale);

    @Override
    default void close() {
    }

    /** The names the benchmark knows, in table order. */
    String[] KNOWN = {"bicubic", "lanczos", "esrgan-slim", "esrgan-medium", "esrgan-thick"};

    static SrMethod named(String name, ModelLoader loader, int tile) {
        return switch (name) {
            case "bicubic" -> new Interpolation(name, INTER_CUBIC);
            case "lanczos" -> new Interpolation(name, INTER_LANCZOS4);
            case "esrgan-slim", "esrgan-medium", "esrgan-thick" -> new Network(name, loader, tile);
            default -> name.startsWith(OnnxFile.PREFIX) ? new OnnxFile(Path.of(name.substring(OnnxFile.PREFIX.length())), tile)
                    : throwUnknown(name);
        };
    }

    private static SrMethod throwUnknown(String name) {
        throw new IllegalArgumentException("unknown method '" + name + "'; known: " + String.join(", ", KNOWN)
                + ", or onnx:FILE for an RGB [0,1] ONNX model such as one from ./storycore train");
    }

    /** OpenCV interpolation, exactly what the operation's classical path runs. */
    record Interpolation(String name, int flag) implements SrMethod {
        @Override
        public Optional<String> unavailable(int scale) {
            return Optional.empty();
        }

        @Override
        public Mat upscale(Mat lowRes, int scale) {
            Mat out = new Mat();
            try (Size size = new Size(lowRes.cols() * scale, lowRes.rows() * scale)) {
                resize(lowRes, out, size, 0, 0, flag);
            }
            return out;
        }
    }

    /** A catalog network "FAMILY-xSCALE" through the product's {@link SuperResolution} operation, no fallback. */
    final class Network implements SrMethod {
        private final String family;
        private final ModelLoader loader;
        private final int tile;
        private SuperResolution op;
        private int opScale;

        Network(String family, ModelLoader loader, int tile) {
            this.family = family;
            this.loader = loader;
            this.tile = tile;
        }

        @Override
        public String name() {
            return family;
        }

        private String modelId(int scale) {
            return family + "-x" + scale;
        }

        @Override
        public Optional<String> unavailable(int scale) {
            return loader.isAvailable(modelId(scale)) ? Optional.empty()
                    : Optional.of(modelId(scale) + " not fetched (./storycore models fetch " + modelId(scale) + ")");
        }

        @Override
        public Mat upscale(Mat lowRes, int scale) {
            if (op == null || opScale != scale) {
                close();
                op = SuperResolution.create(UpscaleConfig.builder().scale(scale).model(modelId(scale)).tile(tile)
                        .allowClassicalFallback(false).build(), loader);
                opScale = scale;
            }
            try (Frame in = Frame.of(new Mat(lowRes)); Frame out = op.apply(in)) {
                return out.image().clone();
            }
        }

        @Override
        public void close() {
            if (op != null) {
                op.close();
                op = null;
            }
        }
    }

    /**
     * An ONNX file given as "onnx:PATH" (NCHW RGB in [0, 1], e.g. a model written by {@code ./storycore
     * train sr}) through the same {@link SuperResolution} operation as the catalog networks. The column is
     * named after the file; it runs only at the file's own factor.
     */
    final class OnnxFile implements SrMethod {
        static final String PREFIX = "onnx:";
        private final String label;
        private final int fileScale;
        private final Network network;

        OnnxFile(Path file, int tile) {
            String fileName = file.getFileName().toString();
            label = fileName.endsWith(".onnx") ? fileName.substring(0, fileName.length() - 5) : fileName;
            try (OnnxImageModel probe = OnnxImageModel.openUserModel(file, ValueRange.UNIT, 128)) {
                fileScale = probe.scale();
            }
            String id = label + "-x" + fileScale;
            ModelLoader loader = new ModelLoader() {
                @Override
                public boolean isAvailable(String modelId) {
                    return id.equals(modelId);
                }

                @Override
                public ImageModel load(String modelId) {
                    return OnnxImageModel.openUserModel(file, ValueRange.UNIT, 128);
                }
            };
            network = new Network(label, loader, tile);
        }

        @Override
        public String name() {
            return label;
        }

        @Override
        public Optional<String> unavailable(int scale) {
            return scale == fileScale ? Optional.empty() : Optional.of(label + " is a x" + fileScale + " model");
        }

        @Override
        public Mat upscale(Mat lowRes, int scale) {
            return network.upscale(lowRes, scale);
        }

        @Override
        public void close() {
            network.close();
        }
    }
}
