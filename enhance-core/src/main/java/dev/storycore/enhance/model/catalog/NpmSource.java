package dev.storycore.enhance.model.catalog;

/**
 * Where a model comes from: a pinned version of an npm package, fetched with {@code npm pack}.
 *
 * @param packageName      e.g. "@upscalerjs/esrgan-slim"
 * @param version          exact version, e.g. "1.0.0"
 * @param tarballIntegrity the registry's integrity string for the .tgz ("sha512-..."), checked after download
 * @param path             folder of the model inside the package, e.g. "models/x2"
 * @param entry            the file a loader opens, e.g. "models/x2/model.json"
 */
public record NpmSource(String packageName, String version, String tarballIntegrity, String path, String entry) {
    /** The argument for {@code npm pack}, e.g. "@upscalerjs/esrgan-slim@1.0.0". */
    public String spec() {
        return packageName + "@" + version;
    }
}
