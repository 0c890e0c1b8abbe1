package dev.storycore.enhance.errors;

/** The machine lacks something the work needs: memory, disk space, an encoder that is not built in. */
public class ResourceException extends EnhanceException {
    public ResourceException(String message) {
        super(ErrorKind.RESOURCE, message);
    }

    public ResourceException(String message, Throwable cause) {
        super(ErrorKind.RESOURCE, message, cause);
    }
}
