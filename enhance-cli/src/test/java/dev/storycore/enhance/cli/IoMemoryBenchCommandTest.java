package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoMemoryBenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTinySoakRunPrintsTheMemoryFiguresAndCleansUp() throws Exception {
        Cli.Result r = Cli.run("bench", "io-memory", "--minutes", "0.05", "--width", "96", "--height", "64",
                "--fps", "20", "--sample-every", "10", "--work-dir", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("frames 60,").containsPattern("RSS after warm-up [0-9.]+ MB, peak [0-9.]+ MB");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
