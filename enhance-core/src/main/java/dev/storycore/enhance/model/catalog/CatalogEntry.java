package dev.storycore.enhance.model.catalog;

import dev.storycore.enhance.model.ValueRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One known model.
 *
 * @param id             catalog id, e.g. "esrgan-slim-x2"
 * @param task           e.g. {@link #SUPER_RESOLUTION}
 * @param scale          output size / input size
 * @param format         {@link #FORMAT_TFJS_LAYERS} (converted to ONNX on first use) or {@link #FORMAT_ONNX}
 * @param fetchByDefault whether {@code storycore models fetch} without ids fetches it
 * @param source         the npm package it comes from
 * @param files          every file used, with its SHA-256
 * @param licence        licence of the model files
 * @param inputRange     value range the network expects
 * @param outputRange    value range the network produces
 * @param tile           preferred tile edge in input pixels
 * @param architecture   free-form notes (family, parameters, layer counts)
 * @param identicalTo    id of an entry with byte-identical model files, or null
 */
public record CatalogEntry(String id, String task, int scale, String format, boolean fetchByDefault, NpmSource source,
                           List<ModelFile> files, Licence licence, ValueRange inputRange, ValueRange outputRange,
                           int tile, Map<String, Object> architecture, String identicalTo) {
    public static final String SUPER_RESOLUTION = "super-resolution";
    public static final String FORMAT_TFJS_LAYERS = "tfjs-layers";
    public static final String FORMAT_ONNX = "onnx";

    public CatalogEntry {
        files = List.copyOf(files);
        architecture = Map.copyOf(architecture);
    }

    /** Files with the given role, in catalog order. */
    public List<ModelFile> files(String role) {
        return files.stream().filter(f -> f.role().equals(role)).toList();
    }

    /** The first file with the given role. */
    public Optional<ModelFile> file(String role) {
        return files.stream().filter(f -> f.role().equals(role)).findFirst();
    }

    /** The files the network itself is made of (topology, weights or an .onnx file), not licences or fixtures. */
    public List<ModelFile> networkFiles() {
        return files.stream().filter(f -> f.role().equals(ModelFile.TOPOLOGY) || f.role().equals(ModelFile.WEIGHTS)
                || f.role().equals(ModelFile.MODEL)).toList();
    }
}
