package dev.storycore.enhance.train.sr;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.Locale;

/**
 * The shape of one super-resolution network: a compact CNN on the low-resolution picture whose last
 * layer predicts {@code 3·scale²} sub-pixel channels, added to a fixed bicubic upscale before one pixel
 * shuffle. The network therefore starts at bicubic quality and learns only the missing detail.
 *
 * @param preset         "fast" or "quality" (or "custom" in tests)
 * @param scale          2, 3, 4 or 8
 * @param channels       feature channels of the hidden layers
 * @param hiddenLayers   plain 3×3 conv + ReLU layers after the head (used when {@code residualBlocks == 0})
 * @param residualBlocks conv-ReLU-conv blocks with identity skips (EDSR style, no batch norm)
 */
public record NetworkSpec(String preset, int scale, int channels, int hiddenLayers, int residualBlocks) {
    public NetworkSpec {
        if (scale != 2 && scale != 3 && scale != 4 && scale != 8) {
            throw new InvalidInputException("scale " + scale + " is not supported: use 2, 3, 4 or 8");
        }
        if (channels < 1 || hiddenLayers < 0 || residualBlocks < 0) {
            throw new InvalidInputException("network sizes must be positive: " + channels + " channels, "
                    + hiddenLayers + " hidden layers, " + residualBlocks + " residual blocks");
        }
    }

    /**
     * The shipped presets. "fast" is sized for ≥ 2 output megapixels per second on 2 cores in ONNX Runtime;
     * "quality" spends about ten times the compute on residual blocks.
     */
    public static NetworkSpec preset(String name, int scale) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fast" -> new NetworkSpec("fast", scale, 32, 2, 0);
            case "quality" -> new NetworkSpec("quality", scale, 48, 0, 4);
            default -> throw new InvalidInputException("unknown preset '" + name + "': use fast or quality");
        };
    }

    /** Catalog id of the trained model, e.g. "storycore-sr-fast-x2". */
    public String modelId() {
        return "storycore-sr-" + preset + "-x" + scale;
    }

    /** Number of learned 3×3 convolutions, in the order {@link SrTopology} applies them. */
    public int convCount() {
        return residualBlocks > 0 ? 2 + 2 * residualBlocks + 1 : 2 + hiddenLayers;
    }

    /** Input channels of learned convolution {@code i}. */
    public int convIn(int i) {
        return i == 0 ? 3 : channels;
    }

    /** Output channels of learned convolution {@code i}; the last predicts the sub-pixel residual. */
    public int convOut(int i) {
        return i == convCount() - 1 ? 3 * scale * scale : channels;
    }

    /** Multiply-accumulates per low-resolution pixel, the figure that sets the speed. */
    public long macsPerInputPixel() {
        long macs = 0;
        for (int i = 0; i < convCount(); i++) {
            macs += 9L * convIn(i) * convOut(i);
        }
        return macs + 25L * 3 * scale * scale; // the fixed bicubic convolution
    }
}
