package dev.storycore.enhance.cli;

/** The only class that exits the JVM. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(StoryCoreCommand.commandLine().execute(args));
    }
}
