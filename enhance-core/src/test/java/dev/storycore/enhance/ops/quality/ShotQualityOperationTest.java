package dev.storycore.enhance.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.bitwise_not;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.measure.ImageQuality;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class ShotQualityOperationTest {

    @Test
    void decidesOnePlanPerShotAndSplitsAtTheCut() {
        List<Frame> out = new ArrayList<>();
        try (Mat scene = QualityPictures.scene(240, 160); Mat other = new Mat();
             ShotQualityOperation op = ShotQualityOperation.create(QualityRequest.auto(), 16, 3)) {
            bitwise_not(scene, other);
            for (int i = 0; i < 8; i++) {
                try (Frame f = new Frame(Degradation.addNoise(scene, 14, i), i, i * 40_000L)) {
                    out.addAll(op.push(f));
                }
            }
            for (int i = 8; i < 16; i++) {
                try (Frame f = new Frame(other.clone(), i, i * 40_000L)) {
                    out.addAll(op.push(f));
                }
            }
            out.addAll(op.flush());
            assertThat(out).extracting(Frame::index).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L,
                    12L, 13L, 14L, 15L);
            assertThat(op.plans()).hasSize(2);
            assertThat(op.plans().get(0)).extracting(Suggestion::type).contains(CorrectionType.DENOISE);
            assertThat(op.plans().get(1)).extracting(Suggestion::type).doesNotContain(CorrectionType.DENOISE);
            // the clean second shot passes through unchanged
            assertThat(ImageQuality.psnr(other, out.get(12).image())).isGreaterThan(40);
        } finally {
            out.forEach(Frame::close);
        }
    }

    @Test
    void parametersStayStableAcrossWindowsOfOneShot() {
        List<Frame> out = new ArrayList<>();
        try (Mat scene = QualityPictures.scene(240, 160);
             ShotQualityOperation op = ShotQualityOperation.create(QualityRequest.auto(), 4, 2)) {
            for (int i = 0; i < 12; i++) {
                try (Frame f = new Frame(Degradation.addNoise(scene, 12, 100 + i), i, i)) {
                    out.addAll(op.push(f));
                }
            }
            out.addAll(op.flush());
            assertThat(out).hasSize(12);
            List<Double> h = op.plans().stream().map(p -> p.stream().filter(s -> s.type() == CorrectionType.DENOISE)
                    .findFirst().orElseThrow().parameter("h_luma", 0)).toList();
            assertThat(h).hasSize(3);
            double min = h.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            double max = h.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertThat(max / min).isLessThan(1.1);
        } finally {
            out.forEach(Frame::close);
        }
    }

    @Test
    void explicitCorrectionsApplyEvenWithoutAProblem() {
        try (Mat scene = QualityPictures.scene(240, 160);
             ShotQualityOperation op = ShotQualityOperation.create(
                     QualityRequest.none().with(CorrectionType.SHARPEN, 1.5), 8, 2);
             Frame f = new Frame(scene.clone(), 0, 0)) {
            assertThat(op.push(f)).isEmpty();
            List<Frame> out = op.flush();
            try {
                assertThat(op.plans().get(0)).extracting(Suggestion::type).containsExactly(CorrectionType.SHARPEN);
                assertThat(op.plans().get(0).get(0).parameter("amount", 0)).isEqualTo(1.5);
                assertThat(ImageQuality.psnr(scene, out.get(0).image())).isLessThan(40);
            } finally {
                out.forEach(Frame::close);
            }
        }
    }
}
