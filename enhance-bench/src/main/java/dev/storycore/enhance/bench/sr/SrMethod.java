package dev.storycore.enhance.bench.sr;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
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
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known: " + String.join(", ", KNOWN));
        };
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
}
