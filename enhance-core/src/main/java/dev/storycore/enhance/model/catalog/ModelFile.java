package dev.storycore.enhance.model.catalog;

/**
 * One file of a model inside its package, with the SHA-256 it must have.
 *
 * @param path   relative path inside the package, e.g. "models/x2/model.json"
 * @param role   what the file is for: {@link #TOPOLOGY}, {@link #WEIGHTS}, {@link #MODEL} (an .onnx file),
 *               {@link #LICENCE}, {@link #GOLDEN_INPUT} or {@link #GOLDEN_EXPECTED}
 * @param bytes  file size
 * @param sha256 lower-case hex digest
 */
public record ModelFile(String path, String role, long bytes, String sha256) {
    public static final String TOPOLOGY = "topology";
    public static final String WEIGHTS = "weights";
    public static final String MODEL = "model";
    public static final String LICENCE = "licence";
    public static final String GOLDEN_INPUT = "golden-input";
    public static final String GOLDEN_EXPECTED = "golden-expected";
}
