package dev.storycore.enhance.train;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import dev.storycore.enhance.errors.ResourceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * Starts DJL's PyTorch engine from the native jars on the classpath and never from the network.
 *
 * <p>DJL looks for libtorch in three places: {@code PYTORCH_LIBRARY_PATH}, the {@code pytorch-native-cpu}
 * jar, and finally a download. The download is switched off with {@code ai.djl.offline=true}; a
 * {@code PYTORCH_VERSION} that differs from the bundled jar would also force a download, so it is refused
 * here with a message instead of failing deep inside DJL.
 */
public final class OfflinePyTorch {
    /** Resources that prove the two native jars are on the classpath. */
    private static final List<String> NATIVE_MARKERS = List.of("native/lib/pytorch.properties",
            "jnilib/pytorch.properties");
    private static volatile Engine engine;

    private OfflinePyTorch() {
    }

    /** The PyTorch engine, loaded once from the bundled native library, offline. */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (OfflinePyTorch.class) {
                e = engine;
                if (e == null) {
                    e = load();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static Engine load() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("PYTORCH_FLAVOR", "cpu");
        // Offline mode also silences DJL's usage report; the explicit opt-out documents the intent.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("disableProgressBar", "true");
        System.setProperty("ai.djl.default_engine", "PyTorch");
        requireBundledVersion(firstNonEmpty(System.getenv("PYTORCH_VERSION"), System.getProperty("PYTORCH_VERSION")));
        ClassLoader loader = OfflinePyTorch.class.getClassLoader();
        for (String marker : NATIVE_MARKERS) {
            if (loader.getResource(marker) == null && System.getenv("PYTORCH_LIBRARY_PATH") == null) {
                throw new ResourceException("PyTorch native library missing from the classpath (" + marker
                        + " not found): run training through './storycore train' or the enhance-train module,"
                        + " whose pytorch-native-cpu and pytorch-jni jars carry it; nothing is downloaded");
            }
        }
        try {
            return Engine.getEngine("PyTorch");
        } catch (EngineException | IllegalArgumentException e) {
            throw new ResourceException("PyTorch engine failed to start offline: " + e.getMessage()
                    + ". Check that ~/.djl.ai (or DJL_CACHE_DIR) is writable; the native library is extracted"
                    + " there from the pytorch-native-cpu jar", e);
        }
    }

    /** Refuses a requested libtorch version other than the bundled one: DJL would try to download it. */
    static void requireBundledVersion(String requested) {
        if (requested != null && !requested.startsWith(bundledVersion())) {
            throw new ResourceException("PYTORCH_VERSION=" + requested + " asks DJL to download another libtorch,"
                    + " which training never does: unset PYTORCH_VERSION (the bundled " + bundledVersion()
                    + " is used)");
        }
    }

    /** The libtorch version the bundled native jar carries, e.g. "2.7.1" (from its pytorch.properties). */
    static String bundledVersion() {
        try (InputStream in = OfflinePyTorch.class.getClassLoader().getResourceAsStream(NATIVE_MARKERS.get(0))) {
            if (in == null) {
                return "none";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "none");
            int dash = v.indexOf('-');
            return dash < 0 ? v : v.substring(0, dash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstNonEmpty(String a, String b) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        return b == null || b.isEmpty() ? null : b;
    }
}
