package dev.storycore.enhance.ops.upscale;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.Size;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to super-resolve: an immutable, validated setting. Build it with {@link #builder()}; invalid or
 * conflicting settings are rejected by {@link Builder#build()} with a message naming the setting
 * (as the command-line option spells it).
 *
 * @param scale        2, 3, 4 or 8; 0 when a target size decides the factor
 * @param quality      the level used to pick a network when no {@code modelId} is given
 * @param modelId      a catalog id (e.g. "esrgan-medium-x4") that overrides {@code quality}, or {@code null}
 * @param tile         tile edge in input pixels, or 0 for the network's preferred tile
 * @param overlap      context pixels around each tile, so seams fall where every output pixel had full context
 * @param targetWidth  exact output width, or 0
 * @param targetHeight exact output height, or 0 (one of the two alone keeps the aspect ratio)
 * @param allowClassicalFallback whether a missing network falls back to Lanczos (flagged in the report)
 *                     instead of failing with {@link dev.storycore.enhance.errors.ModelNotFoundException}
 * @param edges        what the network sees beyond the picture's edges
 */
public record UpscaleConfig(int scale, Quality quality, String modelId, int tile, int overlap,
                            int targetWidth, int targetHeight, boolean allowClassicalFallback, EdgeMode edges) {

    public static final Set<Integer> SCALES = Set.of(2, 3, 4, 8);
    public static final int MIN_TILE = 16;
    public static final int MAX_TILE = 2048;
    /**
     * Context around each tile. Measured on crops of Set14 comic, small tiles against one whole run:
     * slim x2 differs by at most 1 grey level with 8 px and 0 with 12; medium x2 by 1 with 8-12 px and
     * 0 with 16; thick x2/x4 by 1 with 8 px and 0/1 with 16 (see RealModelSuperResolutionTest).
     */
    public static final int DEFAULT_OVERLAP = 16;
    private static final Pattern SCALE_IN_ID = Pattern.compile("-x(\\d+)$");

    public UpscaleConfig {
        // The builder validates; the canonical constructor repeats the checks so a hand-made record cannot slip through.
        validate(scale, quality, modelId, tile, overlap, targetWidth, targetHeight);
        if (edges == null) {
            throw invalid("edges: must be set (REFLECT or NETWORK)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The given factor at standard quality, the network's own tile, with fallback. */
    public static UpscaleConfig x(int scale) {
        return builder().scale(scale).build();
    }

    /** Whether an exact output size was asked for (instead of a factor). */
    public boolean hasTarget() {
        return targetWidth > 0 || targetHeight > 0;
    }

    /** The output size for an input of the given size; needs no model. */
    public Size outputSize(Size input) {
        if (!hasTarget()) {
            return input.scaled(scale);
        }
        int w = targetWidth > 0 ? targetWidth
                : Math.max(1, (int) Math.round((double) input.width() * targetHeight / input.height()));
        int h = targetHeight > 0 ? targetHeight
                : Math.max(1, (int) Math.round((double) input.height() * targetWidth / input.width()));
        return new Size(w, h);
    }

    /** The factor the output needs over the input (largest of the two axes). */
    double neededScale(Size input) {
        Size out = outputSize(input);
        return Math.max((double) out.width() / input.width(), (double) out.height() / input.height());
    }

    /** The factor a catalog id such as "esrgan-slim-x4" names, or 0 when the id does not follow that pattern. */
    static int scaleInId(String modelId) {
        Matcher m = SCALE_IN_ID.matcher(modelId);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void validate(int scale, Quality quality, String modelId, int tile, int overlap,
                                 int targetWidth, int targetHeight) {
        boolean target = targetWidth != 0 || targetHeight != 0;
        if (quality == null) {
            throw invalid("quality: must be set (preview, standard, high or maximum)");
        }
        if (targetWidth < 0 || targetHeight < 0) {
            throw invalid("--width/--height: target size must be positive, got " + targetWidth + "x" + targetHeight);
        }
        if (target && scale != 0) {
            throw invalid("--upscale " + scale + " and --width/--height both set: give either a factor or a target size");
        }
        if (!target && !SCALES.contains(scale)) {
            throw invalid("--upscale: factor must be 2, 3, 4 or 8, got " + scale);
        }
        if (tile != 0 && (tile < MIN_TILE || tile > MAX_TILE)) {
            throw invalid("--tile: tile size must be between " + MIN_TILE + " and " + MAX_TILE + " pixels, got " + tile);
        }
        if (overlap < 0 || overlap > 256) {
            throw invalid("overlap: must be between 0 and 256 pixels, got " + overlap);
        }
        if (modelId != null) {
            if (modelId.isBlank()) {
                throw invalid("--model: model id is empty; see ./storycore models list");
            }
            if (quality == Quality.PREVIEW) {
                throw invalid("--model " + modelId + " and --quality preview conflict: preview means bicubic, no model");
            }
            int idScale = scaleInId(modelId);
            if (!target && idScale != 0 && idScale != scale) {
                throw invalid("--model " + modelId + " upscales x" + idScale + " but --upscale " + scale
                        + " was asked; pick the model's x" + scale + " variant or drop --upscale");
            }
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(message);
    }

    /** Collects settings; {@link #build()} checks them together. */
    public static final class Builder {
        private int scale;
        private boolean scaleSet;
        private Quality quality = Quality.STANDARD;
        private String modelId;
        private int tile;
        private int overlap = DEFAULT_OVERLAP;
        private int targetWidth;
        private int targetHeight;
        private boolean allowClassicalFallback = true;
        private EdgeMode edges = EdgeMode.REFLECT;

        private Builder() {
        }

        /** 2, 3, 4 or 8. Defaults to 2 unless a target size is given. */
        public Builder scale(int scale) {
            this.scale = scale;
            this.scaleSet = true;
            return this;
        }

        public Builder quality(Quality quality) {
            this.quality = quality;
            return this;
        }

        /** A catalog id; overrides the quality level. {@code null} clears it. */
        public Builder model(String modelId) {
            this.modelId = modelId;
            return this;
        }

        /** Tile edge in input pixels; 0 = the network's preferred tile. */
        public Builder tile(int tile) {
            this.tile = tile;
            return this;
        }

        public Builder overlap(int overlap) {
            this.overlap = overlap;
            return this;
        }

        /** Exact output size; 0 for one of them keeps the aspect ratio. */
        public Builder targetSize(int width, int height) {
            this.targetWidth = width;
            this.targetHeight = height;
            return this;
        }

        public Builder allowClassicalFallback(boolean allow) {
            this.allowClassicalFallback = allow;
            return this;
        }

        /** What the network sees beyond the picture's edges (default {@link EdgeMode#REFLECT}). */
        public Builder edges(EdgeMode edges) {
            this.edges = edges;
            return this;
        }

        public UpscaleConfig build() {
            boolean target = targetWidth != 0 || targetHeight != 0;
            int s = scaleSet ? scale : (target ? 0 : 2);
            return new UpscaleConfig(s, quality, modelId, tile, overlap, targetWidth, targetHeight,
                    allowClassicalFallback, edges);
        }
    }
}
