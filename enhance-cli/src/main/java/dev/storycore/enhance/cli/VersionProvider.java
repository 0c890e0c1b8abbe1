package dev.storycore.enhance.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = StoryCoreCommand.class.getPackage().getImplementationVersion();
        return new String[] {"storycore " + (v == null ? "dev" : v), "Java " + System.getProperty("java.version")};
    }
}
