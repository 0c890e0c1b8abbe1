package dev.storycore.enhance.model.store;

import java.nio.file.Path;

/** Downloads one pinned package as a .tgz (the npm client in production; a fake in tests). */
public interface PackageFetcher {
    /**
     * Writes the package tarball into {@code destDir} and returns its path.
     *
     * @throws dev.storycore.enhance.errors.ModelException when the package cannot be fetched, saying why and what to do
     */
    Path pack(String packageName, String version, Path destDir);
}
