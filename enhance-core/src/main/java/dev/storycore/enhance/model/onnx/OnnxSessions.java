package dev.storycore.enhance.model.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.storycore.enhance.errors.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens ONNX Runtime sessions with the project's CPU settings, on the one process-wide environment. */
public final class OnnxSessions {
    private OnnxSessions() {
    }

    /** The process-wide ONNX Runtime environment (ONNX Runtime allows one per process). */
    public static OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /**
     * A session over {@code file} with intra-op threads = available cores, all graph optimisations and
     * the memory-pattern planner (tiles of one size reuse the same buffers). The caller closes it.
     */
    public static OrtSession open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("ONNX model " + file + " does not exist: check the path, or fetch the model"
                    + " with 'storycore models fetch'");
        }
        try (OrtSession.SessionOptions options = options()) {
            return environment().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime cannot load " + file + ": " + e.getMessage()
                    + ". The file may be damaged or use operators this runtime lacks; re-fetch or re-export it", e);
        }
    }

    /** A session over a model held in memory (used by tests and freshly converted graphs). */
    public static OrtSession open(byte[] model, String description) {
        try (OrtSession.SessionOptions options = options()) {
            return environment().createSession(model, options);
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime cannot load " + description + ": " + e.getMessage(), e);
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setMemoryPatternOptimization(true);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        return options;
    }
}
