package dev.storycore.enhance.errors;

/** The categories every failure falls into; the CLI maps them to exit codes and the service to HTTP statuses. */
public enum ErrorKind {
    /** The input file, folder or parameter is wrong: the user must change what they pass. */
    INPUT,
    /** A model is missing, tampered with or unsupported. */
    MODEL,
    /** The machine ran out of something (memory, disk, a codec that is not built in). */
    RESOURCE,
    /** The work took longer than it was allowed to. */
    TIMEOUT,
    /** Somebody asked for the work to stop. */
    CANCELLED,
    /** A bug on our side. */
    INTERNAL
}
