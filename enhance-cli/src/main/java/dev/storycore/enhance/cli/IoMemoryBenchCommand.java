package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.io.IoMemoryBench;
import dev.storycore.enhance.frame.Rational;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore bench io-memory}: the video I/O soak test (flat native memory over a long clip). */
@Command(name = "io-memory",
        mixinStandardHelpOptions = true,
        header = "Decode and re-encode a long synthetic clip, sampling resident memory (VmRSS).",
        description = {
            "Makes a synthetic H.264 clip (default 10 minutes of 1280x720 at 30 fps), then decodes it and",
            "re-encodes every frame with the default MP4/H.264 writer, printing the process's resident memory",
            "after warm-up, at its peak and at the end. Flat memory = native buffers are released per frame.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class IoMemoryBenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "10", description = "Clip length in minutes (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--width", defaultValue = "1280", description = "Frame width (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "720", description = "Frame height (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--fps", defaultValue = "30", description = "Frame rate, e.g. 30 or 30000/1001 (default ${DEFAULT-VALUE}).")
    String fps;

    @Option(names = "--sample-every", defaultValue = "300", description = "Frames between memory samples (default ${DEFAULT-VALUE}).")
    int sampleEvery;

    @Option(names = "--work-dir", description = "Folder for the two temporary clips (default: the system temp folder).")
    Path workDir;

    @Option(names = "--keep", description = "Keep the clips instead of deleting them.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(new WriterOutputStream(spec.commandLine().getOut()), true);
        Path dir = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"), "storycore-io-memory");
        IoMemoryBench.Result r = IoMemoryBench.run(new IoMemoryBench.Options(width, height, Rational.parse(fps),
                minutes, sampleEvery, dir, keep), out);
        out.flush();
        return r.frames() > 0 ? ExitCodes.OK : ExitCodes.INTERNAL;
    }

    /** Lets the bench print through picocli's writer (so tests can capture it). */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final java.io.PrintWriter writer;

        WriterOutputStream(java.io.PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer.write(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public void flush() {
            writer.flush();
        }
    }
}
