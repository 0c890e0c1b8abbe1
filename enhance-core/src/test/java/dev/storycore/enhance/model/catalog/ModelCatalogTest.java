package dev.storycore.enhance.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.ValueRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {
    private final ModelCatalog catalog = ModelCatalog.load();

    @Test
    void theProjectCatalogListsTheUpscalerJsEsrganModelsAtEveryScale() {
        for (String size : List.of("slim", "medium", "thick")) {
            for (int scale : new int[] {2, 3, 4, 8}) {
                CatalogEntry e = catalog.require("esrgan-" + size + "-x" + scale);
                assertThat(e.scale()).isEqualTo(scale);
                assertThat(e.task()).isEqualTo(CatalogEntry.SUPER_RESOLUTION);
                assertThat(e.source().packageName()).isEqualTo("@upscalerjs/esrgan-" + size);
                assertThat(e.source().version()).isEqualTo("1.0.0");
                assertThat(e.licence().spdx()).isEqualTo("MIT");
                assertThat(e.file(ModelFile.TOPOLOGY)).isPresent();
                assertThat(e.files(ModelFile.WEIGHTS)).isNotEmpty();
                assertThat(e.inputRange()).isEqualTo(size.equals("thick") ? ValueRange.UNIT : ValueRange.BYTE);
            }
        }
        assertThat(catalog.defaults()).extracting(CatalogEntry::id).allMatch(id -> id.startsWith("esrgan-slim")
                || id.startsWith("esrgan-medium")).hasSize(8);
    }

    @Test
    void theDefaultModelPackageHoldsExactlyTheSlimX2Files() {
        CatalogEntry def = catalog.require("default-model-x2");
        CatalogEntry slim = catalog.require("esrgan-slim-x2");
        assertThat(def.identicalTo()).isEqualTo("esrgan-slim-x2");
        assertThat(def.networkFiles()).extracting(ModelFile::sha256)
                .containsExactlyElementsOf(slim.networkFiles().stream().map(ModelFile::sha256).toList());
    }

    @Test
    void anUnknownIdIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> catalog.require("esrgan-huge-x2"))
                .isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("unknown model 'esrgan-huge-x2'")
                .hasMessageContaining("esrgan-slim-x2");
    }
}
