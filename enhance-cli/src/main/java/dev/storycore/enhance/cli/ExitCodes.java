package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.EnhanceException;
import picocli.CommandLine;

/** The process exit codes scripts can rely on; listed in every command's help footer. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;
    public static final int MODEL = 4;
    public static final int CANCELLED = 130;

    static final String FOOTER = "%nExit codes: 0 ok, 1 internal error, 2 bad usage, 3 bad input,"
            + " 4 model problem, 130 cancelled.";

    private ExitCodes() {
    }

    /** Maps the engine's error kinds to exit codes; the one place that does so. */
    static final class Mapper implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable t) {
            if (t instanceof EnhanceException e) {
                return switch (e.kind()) {
                    case INPUT -> BAD_INPUT;
                    case MODEL -> MODEL;
                    case CANCELLED -> CANCELLED;
                    case RESOURCE, TIMEOUT, INTERNAL -> INTERNAL;
                };
            }
            if (t instanceof CommandLine.ParameterException) {
                return USAGE;
            }
            return INTERNAL;
        }
    }
}
