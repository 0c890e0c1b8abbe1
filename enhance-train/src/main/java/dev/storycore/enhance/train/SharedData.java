package dev.storycore.enhance.train;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared benchmark and training data folder ({@code ../shared/data} from the repository root). */
final class SharedData {
    private SharedData() {
    }

    /**
     * {@code STORYCORE_DATA} when set; otherwise the first {@code shared/data} beside the repository root or
     * one of its ancestors (a git worktree sits one level deeper than the main checkout).
     */
    static Path folder(Path home) {
        String env = System.getenv("STORYCORE_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath().normalize();
        }
        for (Path dir = home.toAbsolutePath().normalize().getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return home.resolve("../shared/data").normalize();
    }
}
