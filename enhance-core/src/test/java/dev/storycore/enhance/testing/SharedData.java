package dev.storycore.enhance.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the benchmark data folder (../shared/data next to the repository, see its README):
 * {@code $STORYCORE_DATA} if set, else the first {@code shared/data} beside the working directory or
 * one of its parents (tests run in a module folder; worktrees sit one level deeper than the main checkout).
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> dir() {
        String env = System.getenv("STORYCORE_DATA");
        if (env != null && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file under the data folder, if the folder and the file exist. */
    public static Optional<Path> file(String relative) {
        return dir().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }
}
