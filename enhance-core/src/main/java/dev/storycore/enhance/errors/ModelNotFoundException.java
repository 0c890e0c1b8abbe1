package dev.storycore.enhance.errors;

/** The model is known but its files are not in the model cache (or the id is unknown). */
public class ModelNotFoundException extends ModelException {
    public ModelNotFoundException(String message) {
        super(message);
    }
}
