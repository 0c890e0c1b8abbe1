package dev.storycore.enhance.ops.upscale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.testing.TestPictures;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SuperResolutionSizePropertyTest {
    private static final dev.storycore.enhance.testing.FakeModelLoader ALL_FAKES = SuperResolutionTest.ALL_FAKES;

    @Property(tries = 40)
    void outputHasTheScaledSizeForEveryFactorAndOddSizes(@ForAll("scales") int scale,
                                                         @ForAll @IntRange(min = 1, max = 45) int width,
                                                         @ForAll @IntRange(min = 1, max = 45) int height) {
        UpscaleConfig config = UpscaleConfig.builder().scale(scale).tile(16).build();
        try (SuperResolution sr = SuperResolution.create(config, ALL_FAKES);
             Frame in = Frame.of(TestPictures.texture(width, height, CV_8UC3, width * 31L + height));
             Frame out = sr.apply(in)) {
            assertThat(sr.lastReport().orElseThrow().method()).isEqualTo(UpscaleMethod.MODEL);
            assertThat(new Size(out.width(), out.height())).isEqualTo(new Size(width * scale, height * scale))
                    .isEqualTo(sr.outputSize(new Size(width, height)));
            assertThat(out.channels()).isEqualTo(3);
        }
    }

    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.of(2, 3, 4, 8);
    }

}
