package dev.storycore.enhance.errors;

/** A model cannot be used: missing, tampered with, malformed or of an unsupported kind. */
public class ModelException extends EnhanceException {
    public ModelException(String message) {
        super(ErrorKind.MODEL, message);
    }

    public ModelException(String message, Throwable cause) {
        super(ErrorKind.MODEL, message, cause);
    }
}
