package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checks every input file goes through before a decoder sees it; each failure says what to do. */
final class InputChecks {
    private InputChecks() {
    }

    /** A regular, readable, non-empty file. */
    static void requireReadableFile(Path path) {
        if (!Files.exists(path)) {
            throw new InvalidInputException(path + " does not exist: check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(path)) {
            throw new InvalidInputException(path + " is a folder, not a file: pass a file, or the folder itself as a"
                    + " sequence of images");
        }
        if (!Files.isReadable(path)) {
            throw new InvalidInputException(path + " cannot be read (permission denied): fix its permissions"
                    + " (e.g. chmod a+r) or copy it somewhere readable");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        if (size == 0) {
            throw new InvalidInputException(path + " is empty (0 bytes): the file was not written completely;"
                    + " re-export or re-download it");
        }
    }

    /** The exception for an I/O failure while looking at an input. */
    static InvalidInputException unreadable(Path path, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new InvalidInputException(path + " cannot be read (permission denied): fix its permissions"
                    + " (e.g. chmod a+rx for a folder)", e);
        }
        return new InvalidInputException(path + " cannot be read (" + e.getClass().getSimpleName() + ": "
                + e.getMessage() + "): check that it exists and is readable", e);
    }

    /** Refuses pictures whose header promises more pixels than the limit, before any decoding. */
    static void requireSize(Path path, long width, long height, long maxPixels) {
        if (width <= 0 || height <= 0) {
            throw new InvalidInputException(path + " declares an invalid picture size " + width + "x" + height
                    + ": the file is damaged; re-export it");
        }
        if (width * height > maxPixels) {
            throw new InvalidInputException(path + " declares " + width + "x" + height + " pixels ("
                    + (width * height / 1_000_000) + " MP), above the limit of " + (maxPixels / 1_000_000)
                    + " MP: the file is damaged or hostile; if it is real, raise the limit (STORYCORE_JAVA_OPTS="
                    + "-Dstorycore.max-pixels=N, or ReadOptions.withMaxPixels)");
        }
    }
}
