package dev.storycore.enhance.model.store;

import dev.storycore.enhance.errors.ModelException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Extracts chosen files from an npm package tarball (entries live under "package/"). */
final class TarGz {
    private static final String NPM_ROOT = "package/";

    private TarGz() {
    }

    /**
     * Copies the entries named in {@code wanted} (paths relative to the package root) into {@code destDir},
     * keeping their relative paths.
     *
     * @throws ModelException naming the first wanted file the tarball lacks
     */
    static void extract(Path tgz, Set<String> wanted, Path destDir) {
        Set<String> missing = new HashSet<>(wanted);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isFile() || !e.getName().startsWith(NPM_ROOT)) {
                    continue;
                }
                String relative = e.getName().substring(NPM_ROOT.length());
                if (missing.remove(relative)) {
                    Path target = destDir.resolve(relative).normalize();
                    if (!target.startsWith(destDir)) {
                        throw new ModelException("package " + tgz.getFileName() + " has an entry outside its folder: "
                                + e.getName());
                    }
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new ModelException("cannot unpack " + tgz.getFileName() + ": " + e.getMessage()
                    + "; the download may be damaged, fetch again", e);
        }
        if (!missing.isEmpty()) {
            throw new ModelException("package " + tgz.getFileName() + " lacks " + missing.stream().sorted().toList()
                    + ", which the model catalog lists; the catalog and the package version disagree");
        }
    }
}
