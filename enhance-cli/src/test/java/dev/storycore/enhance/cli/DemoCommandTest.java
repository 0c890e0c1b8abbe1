package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path home;

    @Test
    void theDemoEnhancesTheFirstVideoUnderSamples() throws Exception {
        Path samples = Files.createDirectory(home.resolve("samples"));
        Files.writeString(samples.resolve("README.md"), "licence");
        Files.write(samples.resolve("crop.png"), new byte[] {1});
        Files.write(samples.resolve("b-clip.mp4"), new byte[] {1});
        Files.write(samples.resolve("a-clip.MKV"), new byte[] {1});
        assertThat(DemoCommand.sampleClip(home)).isEqualTo(samples.resolve("a-clip.MKV"));
    }

    @Test
    void withoutASampleClipItSaysWhereToRunIt() {
        assertThatThrownBy(() -> DemoCommand.sampleClip(home)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no sample clip under " + home.resolve("samples"))
                .hasMessageContaining("STORYCORE_HOME");
    }

    @Test
    void npmIsLookedUpOnThePath() throws Exception {
        Path bin = Files.createDirectory(home.resolve("bin"));
        assertThat(DemoCommand.onPath("npm", bin.toString())).isFalse();
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n");
        npm.toFile().setExecutable(true);
        assertThat(DemoCommand.onPath("npm", "/nonexistent:" + bin)).isTrue();
    }
}
