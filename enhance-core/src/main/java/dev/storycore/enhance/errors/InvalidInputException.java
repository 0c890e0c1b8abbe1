package dev.storycore.enhance.errors;

/** The input (file, folder, parameter) cannot be used as given. */
public class InvalidInputException extends EnhanceException {
    public InvalidInputException(String message) {
        super(ErrorKind.INPUT, message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(ErrorKind.INPUT, message, cause);
    }
}
