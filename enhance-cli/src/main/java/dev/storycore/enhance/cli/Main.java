package dev.storycore.enhance.cli;

/** The only class that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        System.exit(StoryCoreCommand.commandLine().execute(args));
    }

    /**
     * The commands tell the user what matters themselves (fallbacks, warnings, errors), so library log
     * lines would only repeat them; STORYCORE_DEBUG=1 (or the slf4j-simple property) brings them back.
     */
    private static void quietLibraryLogs() {
        String key = "org.slf4j.simpleLogger.defaultLogLevel";
        if (System.getProperty(key) == null) {
            System.setProperty(key, "1".equals(System.getenv("STORYCORE_DEBUG")) ? "debug" : "error");
        }
    }
}
