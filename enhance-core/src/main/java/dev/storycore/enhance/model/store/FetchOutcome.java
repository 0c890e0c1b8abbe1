package dev.storycore.enhance.model.store;

/**
 * What {@link ModelStore#fetch} did for one model.
 *
 * @param modelId  catalog id
 * @param fetched  true when it was downloaded now, false when it was already cached and verified
 * @param packageSpec the npm package it came from, e.g. "@upscalerjs/esrgan-slim@1.0.0"
 * @param bytes    total size of its files
 */
public record FetchOutcome(String modelId, boolean fetched, String packageSpec, long bytes) {
}
