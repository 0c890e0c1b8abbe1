package dev.storycore.enhance.model;

/**
 * Finds and opens models by catalog id. Implemented by the model store (catalog + cache directory +
 * ONNX Runtime); operations depend on this interface only, so they can be tested with fakes.
 */
public interface ModelLoader {
    /** Whether the model's files are present and verified, so {@link #load} would not fail for lack of them. */
    boolean isAvailable(String modelId);

    /**
     * Opens the model; the caller closes it.
     *
     * @throws dev.storycore.enhance.errors.ModelNotFoundException if the id is unknown or its files are not fetched
     * @throws dev.storycore.enhance.errors.ModelException if the files fail verification or cannot be loaded
     */
    ImageModel load(String modelId);
}
