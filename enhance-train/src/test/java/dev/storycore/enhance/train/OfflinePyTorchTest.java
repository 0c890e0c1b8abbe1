package dev.storycore.enhance.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.util.Utils;
import dev.storycore.enhance.errors.ResourceException;
import org.junit.jupiter.api.Test;

class OfflinePyTorchTest {
    @Test
    void theEngineComesFromTheBundledJarsInOfflineMode() {
        assertThat(OfflinePyTorch.engine().getEngineName()).isEqualTo("PyTorch");
        assertThat(Utils.isOfflineMode()).isTrue();
        assertThat(OfflinePyTorch.engine().getVersion()).startsWith(OfflinePyTorch.bundledVersion());
        assertThat(OfflinePyTorch.bundledVersion()).isEqualTo("2.7.1");
    }

    @Test
    void anotherRequestedVersionIsRefusedInsteadOfDownloaded() {
        OfflinePyTorch.requireBundledVersion(null);
        OfflinePyTorch.requireBundledVersion("2.7.1");
        assertThatThrownBy(() -> OfflinePyTorch.requireBundledVersion("2.5.1"))
                .isInstanceOf(ResourceException.class)
                .hasMessageContaining("unset PYTORCH_VERSION");
    }
}
