package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnhanceSummaryTest {
    @Test
    void textNamesTheSizesWhenThePictureWasResized() {
        EnhanceSummary s = summary("192x144", "384x288");
        assertThat(s.toText()).contains("1 image, 192x144 -> 384x288, in 0.5 s");
    }

    @Test
    void textLeavesOutSizesWhenNoStageResized() {
        EnhanceSummary s = summary("", "");
        assertThat(s.toText()).contains("1 image, in 0.5 s").doesNotContain("->");
    }

    private static EnhanceSummary summary(String in, String out) {
        return new EnhanceSummary("in.png", "out.png", "image", 1, 0.5, 2.0, in, out, "none", null,
                "no super-resolution", null, "png", null, List.of(), List.of(), List.of());
    }
}
