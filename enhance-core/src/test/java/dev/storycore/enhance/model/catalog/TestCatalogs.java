package dev.storycore.enhance.model.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.enhance.model.store.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Builds catalogs for tests from the exact bytes of each file (the hashes are computed, never typed). */
public final class TestCatalogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ArrayNode models;
    private final ObjectNode root;

    public TestCatalogs() {
        root = JSON.createObjectNode().put("schema", 1);
        models = root.putArray("models");
    }

    /**
     * Adds a tfjs-layers entry whose files are {@code files} (path to bytes, all under {@code folder}; the
     * topology is folder/model.json, every other file is weights).
     */
    public TestCatalogs tfjs(String id, int scale, String pkg, String version, String folder, Map<String, byte[]> files,
                             float rangeMax) {
        ObjectNode m = models.addObject().put("id", id).put("task", "super-resolution").put("scale", scale)
                .put("format", "tfjs-layers").put("fetchByDefault", true).put("tile", 64);
        m.putObject("source").put("type", "npm").put("package", pkg).put("version", version)
                .put("path", folder).put("entry", folder + "/model.json");
        ArrayNode list = m.putArray("files");
        files.forEach((path, bytes) -> list.addObject().put("path", path)
                .put("role", path.endsWith("model.json") ? ModelFile.TOPOLOGY : ModelFile.WEIGHTS)
                .put("bytes", bytes.length).put("sha256", Sha256.of(bytes)));
        m.putObject("licence").put("spdx", "MIT").put("author", "test");
        m.putArray("inputRange").add(0).add(rangeMax);
        m.putArray("outputRange").add(0).add(rangeMax);
        return this;
    }

    public ModelCatalog build() {
        try {
            return ModelCatalog.parse(new ByteArrayInputStream(JSON.writeValueAsBytes(root)), "test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
