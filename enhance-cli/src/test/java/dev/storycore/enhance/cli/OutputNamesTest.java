package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamesTest {
    @TempDir
    Path dir;

    @Test
    void outputsGoBesideTheInputTaggedWithWhatWasDone() throws Exception {
        assertThat(OutputNames.defaultFor(dir.resolve("photo.JPG"), "x4", false)).isEqualTo(dir.resolve("photo.x4.jpg"));
        assertThat(OutputNames.defaultFor(dir.resolve("clip.avi"), "x2", true)).isEqualTo(dir.resolve("clip.x2.mp4"));
        assertThat(OutputNames.defaultFor(dir.resolve("clip.webm"), "1920x1080", true))
                .isEqualTo(dir.resolve("clip.1920x1080.mp4"));
        assertThat(OutputNames.defaultFor(dir.resolve("frames/%05d.png"), "x2", false))
                .isEqualTo(dir.resolve("frames/%05d.x2.png"));
        Path folder = Files.createDirectory(dir.resolve("holiday"));
        assertThat(OutputNames.defaultFor(folder, "x2", false)).isEqualTo(dir.resolve("holiday.x2"));
    }
}
