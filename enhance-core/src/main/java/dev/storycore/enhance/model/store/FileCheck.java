package dev.storycore.enhance.model.store;

import dev.storycore.enhance.model.catalog.ModelFile;
import java.nio.file.Path;

/**
 * The state of one model file in the cache.
 *
 * @param file   the catalog's description
 * @param path   where it lives in the cache
 * @param status OK, MISSING or MISMATCH
 * @param actualSha256 the digest found on disk (null when missing)
 */
public record FileCheck(ModelFile file, Path path, Status status, String actualSha256) {
    public enum Status { OK, MISSING, MISMATCH }

    public boolean ok() {
        return status == Status.OK;
    }

    /** A one-line description for people, e.g. "models/x2/model.json: SHA-256 mismatch (expected ..., found ...)". */
    public String describe() {
        return switch (status) {
            case OK -> file.path() + ": ok";
            case MISSING -> file.path() + ": missing (" + path + ")";
            case MISMATCH -> file.path() + ": SHA-256 mismatch at " + path + " (expected " + file.sha256()
                    + ", found " + actualSha256 + ")";
        };
    }
}
