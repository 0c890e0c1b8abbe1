package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ResourceException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A temporary sibling of an output path: written first, renamed onto the final name by {@link #commit()},
 * deleted by {@link #discard()}. Living in the same folder keeps the rename atomic, so a reader never sees
 * a half-written output under the final name.
 */
final class TempOutput {
    /** Temporary outputs not yet committed or discarded; a shutdown hook deletes them (Ctrl-C, SIGTERM). */
    private static final java.util.Set<TempOutput> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(TempOutput::deleteTemp),
                "storycore-partial-output-cleanup"));
    }

    private final Path target;
    private final Path temp;
    private boolean committed;

    private TempOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
        OPEN.add(this);
    }

    /** A hidden temporary file next to {@code target}, keeping its extension (OpenCV picks formats by it). */
    static TempOutput fileFor(Path target) {
        Path folder = requireFolder(target);
        String name = target.getFileName().toString();
        String ext = ImageHeaders.extension(target);
        String tempName = "." + name + ".partial-" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + (ext.isEmpty() ? "" : "." + ext);
        return new TempOutput(target, folder.resolve(tempName));
    }

    /** A hidden temporary folder inside {@code folder} (for image sequences written into it). */
    static TempOutput folderIn(Path folder) {
        try {
            Files.createDirectories(folder);
            Path temp = Files.createTempDirectory(folder, ".storycore-partial-");
            return new TempOutput(folder, temp);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the output folder " + folder + " (" + e.getMessage()
                    + "): check the path and its permissions", e);
        }
    }

    private static Path requireFolder(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the output folder " + folder + " (" + e.getMessage()
                    + "): check the path and its permissions", e);
        }
        if (!Files.isWritable(folder)) {
            throw new InvalidInputException("cannot write into " + folder + " (permission denied): choose another"
                    + " output folder");
        }
        return folder;
    }

    Path temp() {
        return temp;
    }

    Path target() {
        return target;
    }

    /** Moves the temporary file onto the target name, replacing an older file there. */
    void commit() {
        moveReplacing(temp, target);
        committed = true;
        OPEN.remove(this);
    }

    /** Moves one file from the temporary folder into the target folder. */
    void commitChild(Path child) {
        moveReplacing(child, target.resolve(child.getFileName().toString()));
    }

    void markCommitted() {
        committed = true;
    }

    /** Number of temporary outputs still open in this process (for tests). */
    static int openCount() {
        return OPEN.size();
    }

    boolean isCommitted() {
        return committed;
    }

    /** Deletes the temporary file or folder (recursively) unless it was committed. */
    void discard() {
        OPEN.remove(this);
        deleteTemp();
    }

    private void deleteTemp() {
        try {
            if (Files.isDirectory(temp)) {
                try (Stream<Path> walk = Files.walk(temp)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(TempOutput::deleteQuietly);
                }
            } else if (!committed) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            // Nothing useful can be done; the name is hidden and marked ".partial".
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort, see discard()
        }
    }

    private static void moveReplacing(Path from, Path to) {
        try {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ResourceException("cannot move the finished output to " + to + " (" + e.getMessage()
                    + "): check free space and permissions", e);
        }
    }
}
