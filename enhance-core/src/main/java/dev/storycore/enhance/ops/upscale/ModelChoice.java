package dev.storycore.enhance.ops.upscale;

import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.ModelLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Which network (or classical method) serves a configuration for one needed factor, decided from
 * what the model loader has fetched. Networks are named "esrgan-FAMILY-xSCALE" in the catalog.
 *
 * @param modelId        the network to load, or {@code null} for the classical path
 * @param classical      the classical method when {@code modelId} is null
 * @param fallbackReason why the configuration's first choice is not used (a smaller network or the
 *                       classical path stands in), with how to get it; {@code null} when it is
 */
record ModelChoice(String modelId, UpscaleMethod classical, String fallbackReason) {
    static final int[] MODEL_SCALES = {2, 3, 4, 8};

    static ModelChoice network(String modelId) {
        return new ModelChoice(modelId, null, null);
    }

    static ModelChoice classical(UpscaleMethod method, String reason) {
        return new ModelChoice(null, method, reason);
    }

    /**
     * Decides for a configuration and the factor the output needs over the input. The network's factor
     * is the smallest of 2, 3, 4, 8 that reaches the needed one (8 beyond that; Lanczos does the
     * rest). A missing network falls back to the next smaller network of that factor, then to Lanczos,
     * or throws when fallback is not allowed.
     */
    static ModelChoice decide(UpscaleConfig config, double neededScale, ModelLoader loader) {
        if (neededScale <= 1.0) {
            return classical(UpscaleMethod.AREA, null);
        }
        if (config.quality() == Quality.PREVIEW) {
            return classical(UpscaleMethod.BICUBIC, null);
        }
        List<String> candidates = config.modelId() != null ? List.of(config.modelId())
                : candidates(config.quality(), neededScale);
        for (int i = 0; i < candidates.size(); i++) {
            String id = candidates.get(i);
            if (loader.isAvailable(id)) {
                return i == 0 ? network(id) : new ModelChoice(id, null, String.join(", ", candidates.subList(0, i))
                        + (i == 1 ? " is" : " are") + " not fetched, so the smaller " + id + " runs;"
                        + " run ./storycore models fetch " + candidates.get(0) + " to get it");
            }
        }
        String reason = (candidates.size() == 1 ? "model " + candidates.get(0) + " is not fetched"
                : "none of the models " + String.join(", ", candidates) + " is fetched")
                + "; run ./storycore models fetch " + candidates.get(0) + " to get it";
        if (!config.allowClassicalFallback()) {
            throw new ModelNotFoundException(reason);
        }
        return classical(UpscaleMethod.LANCZOS, reason);
    }

    /** Catalog ids to try for a quality level, best first. */
    static List<String> candidates(Quality quality, double neededScale) {
        int scale = modelScaleFor(neededScale);
        List<String> ids = new ArrayList<>();
        for (String family : quality.families()) {
            ids.add("esrgan-" + family + "-x" + scale);
        }
        return ids;
    }

    /** The smallest network factor that reaches {@code neededScale}, or the largest there is. */
    static int modelScaleFor(double neededScale) {
        for (int scale : MODEL_SCALES) {
            if (scale >= neededScale - 1e-9) {
                return scale;
            }
        }
        return MODEL_SCALES[MODEL_SCALES.length - 1];
    }
}
