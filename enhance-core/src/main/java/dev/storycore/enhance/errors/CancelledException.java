package dev.storycore.enhance.errors;

/** The work was stopped on request. */
public class CancelledException extends EnhanceException {
    public CancelledException(String message) {
        super(ErrorKind.CANCELLED, message);
    }
}
