package dev.storycore.enhance.bench.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storycore.enhance.errors.ResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * TF.js on Node, the UpscalerJS models' own runtime: installs the pinned {@code @tensorflow/tfjs} and
 * {@code @tensorflow/tfjs-backend-wasm} with npm into a cache folder once, then runs a model there
 * through {@code run-model.js} (pure-JS "cpu" backend or WebAssembly "wasm" backend).
 * tfjs-node is not used: its install downloads a native TensorFlow library from outside the npm registry.
 */
final class TfjsRuntime {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path home;
    private final String version;

    private TfjsRuntime(Path home, String version) {
        this.home = home;
        this.version = version;
    }

    /** Installs the pinned packages into {@code home} unless they are already there. */
    static TfjsRuntime install(Path home, String version, Consumer<String> log) {
        Path marker = home.resolve("node_modules/@tensorflow/tfjs/package.json");
        Path wasm = home.resolve("node_modules/@tensorflow/tfjs-backend-wasm/package.json");
        try {
            if (!installed(marker, version) || !installed(wasm, version)) {
                Files.createDirectories(home);
                Files.writeString(home.resolve("package.json"), "{\"private\": true}\n");
                log.accept("installing @tensorflow/tfjs@" + version + " and tfjs-backend-wasm with npm into " + home);
                exec(home, 900, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--loglevel=error",
                        "@tensorflow/tfjs@" + version, "@tensorflow/tfjs-backend-wasm@" + version);
                if (!installed(marker, version)) {
                    throw new ResourceException("npm install left no @tensorflow/tfjs@" + version + " in " + home);
                }
            }
            try (InputStream script = TfjsRuntime.class.getResourceAsStream("run-model.js")) {
                Files.write(home.resolve("run-model.js"), script.readAllBytes());
            }
        } catch (IOException e) {
            throw new ResourceException("cannot prepare TF.js in " + home + ": " + e.getMessage(), e);
        }
        return new TfjsRuntime(home, version);
    }

    String version() {
        return version;
    }

    /** The result of running the model: times and the last output (NHWC float32). */
    record Run(String backend, String tfjsVersion, Timing timing, float[] outputNhwc) {
    }

    Run run(Path modelJson, float[] inputNhwc, int height, int width, int runs, int warmups, String backend,
            Path workDir) throws IOException {
        Path in = workDir.resolve("input-" + backend + ".raw");
        Path out = workDir.resolve("output-" + backend + ".raw");
        ByteBuffer bytes = ByteBuffer.allocate(inputNhwc.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(inputNhwc);
        Files.write(in, bytes.array());
        String stdout = exec(home, 3600, "node", home.resolve("run-model.js").toString(), modelJson.toString(),
                in.toString(), Integer.toString(height), Integer.toString(width), Integer.toString(runs),
                Integer.toString(warmups), backend, out.toString());
        JsonNode result = JSON.readTree(stdout.substring(stdout.lastIndexOf("\n{") + 1));
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        float[] output = new float[raw.remaining() / 4];
        raw.asFloatBuffer().get(output);
        return new Run(result.path("backend").asText(), result.path("tfjs").asText(),
                new Timing(doubles(result.path("wallMs")), doubles(result.path("cpuMs"))), output);
    }

    private static boolean installed(Path packageJson, String version) throws IOException {
        return Files.isRegularFile(packageJson)
                && version.equals(JSON.readTree(packageJson.toFile()).path("version").asText());
    }

    private static List<Double> doubles(JsonNode array) {
        List<Double> v = new ArrayList<>();
        array.forEach(n -> v.add(n.asDouble()));
        return v;
    }

    private static String exec(Path dir, long timeoutSeconds, String... command) {
        Path err = null;
        try {
            err = Files.createTempFile("storycore-bench", ".err");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ResourceException(command[0] + " did not finish in " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new ResourceException(String.join(" ", command).substring(0, Math.min(80,
                        String.join(" ", command).length())) + "... failed (exit " + p.exitValue() + "): "
                        + Files.readString(err).strip());
            }
            return out.strip();
        } catch (IOException e) {
            if (String.valueOf(e.getMessage()).contains("Cannot run program")) {
                throw new ResourceException("'" + command[0] + "' was not found: install Node.js/npm to run the"
                        + " TF.js comparison", e);
            }
            throw new ResourceException(command[0] + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException(command[0] + " was interrupted", e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }
}
