package dev.storycore.enhance.model.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** A package registry in memory: writes npm-style tarballs (entries under "package/") and counts downloads. */
public final class FakeNpm implements PackageFetcher {
    private final Map<String, Map<String, byte[]>> packages = new HashMap<>();
    private final Map<String, Integer> downloads = new HashMap<>();

    public FakeNpm publish(String name, String version, Map<String, byte[]> files) {
        packages.put(name + "@" + version, new LinkedHashMap<>(files));
        return this;
    }

    public int downloads(String spec) {
        return downloads.getOrDefault(spec, 0);
    }

    @Override
    public Path pack(String packageName, String version, Path destDir) {
        String spec = packageName + "@" + version;
        downloads.merge(spec, 1, Integer::sum);
        Map<String, byte[]> files = packages.get(spec);
        if (files == null) {
            throw new dev.storycore.enhance.errors.ModelException("npm pack " + spec + " failed: 404 Not Found");
        }
        Path tgz = destDir.resolve(packageName.replace("@", "").replace('/', '-') + "-" + version + ".tgz");
        write(tgz, files);
        return tgz;
    }

    public static void write(Path tgz, Map<String, byte[]> files) {
        try (OutputStream out = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (var f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry("package/" + f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
