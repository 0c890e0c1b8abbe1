package dev.storycore.enhance.errors;

import java.util.Objects;

/**
 * The one exception type of the engine. Its message says what failed and, where possible, what the
 * user can do about it ("what: why. fix").
 */
public class EnhanceException extends RuntimeException {
    private final ErrorKind kind;

    public EnhanceException(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    public EnhanceException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public ErrorKind kind() {
        return kind;
    }
}
