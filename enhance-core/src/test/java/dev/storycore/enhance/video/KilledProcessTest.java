package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilledProcessTest {
    @TempDir
    Path dir;

    @Test
    void aProcessStoppedMidWriteLeavesNoPartialFile() throws Exception {
        Path out = dir.resolve("out.mp4");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledWriterMain.class.getName(), out.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null && !line.equals("writing")) {
                // skip the child's log lines
            }
            try (var files = Files.list(dir)) {
                assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString()
                        .startsWith(".out.mp4.partial-");
            }
            p.destroy(); // SIGTERM, as Ctrl-C or a service stop would send
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
