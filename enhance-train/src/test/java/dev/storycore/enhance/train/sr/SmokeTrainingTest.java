package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.enhance.errors.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's training check: a short run on a few patches must lower the loss. The loss is compared with the
 * loss plain bicubic has on the same patches, which removes the noise of which patches were drawn.
 */
class SmokeTrainingTest {
    @TempDir
    static Path tmp;
    static Path train;
    static Path validation;

    @BeforeAll
    static void pictures() throws IOException {
        // "A few patches": two pictures barely larger than a patch, so every batch shows nearly the same
        // content and the loss curve measures learning rather than which patches were drawn.
        train = SyntheticPictures.write(tmp.resolve("train"), 2, 40, 1);
        validation = SyntheticPictures.write(tmp.resolve("val"), 2, 64, 2);
    }

    private static TrainingRecipe recipe(int steps) {
        return new TrainingRecipe(new NetworkSpec("custom", 2, 16, 1, 0), 5, 8, 16, 3e-3f, 10, 0.1f, steps,
                List.of(train.toString()));
    }

    private static SrTrainer trainer(TrainingRecipe recipe, Path out, BooleanSupplier stop, PrintStream log) {
        return new SrTrainer(new SrTrainer.Options(recipe, out, validation, null, Duration.ofHours(1),
                Duration.ofHours(1), false, null), log, stop);
    }

    @Test
    void shortTrainingLowersTheLossBelowBicubics() {
        Path out = tmp.resolve("run");
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        SrTrainer.Result r = trainer(recipe(300), out, () -> false, new PrintStream(logBytes, true)).train();

        assertThat(r.complete()).isTrue();
        assertThat(r.step()).isEqualTo(300);
        TrainingHistory h = TrainingHistory.read(out.resolve(SrTrainer.HISTORY));
        double first = h.loss.get(0).ratio();
        double last = h.loss.get(h.loss.size() - 1).ratio();
        assertThat(first).as("loss / bicubic loss over the first 10 steps").isGreaterThan(0.97);
        assertThat(last).as("loss / bicubic loss over the last 10 steps").isLessThan(0.95).isLessThan(first - 0.04);
        assertThat(h.validation.get(0).psnr()).as("the untrained network is bicubic, also after 8-bit rounding")
                .isCloseTo(h.bicubicPsnr, org.assertj.core.api.Assertions.within(0.05));
        assertThat(h.validation).hasSize(2);
        assertThat(out.resolve(SrTrainer.CHECKPOINT)).isRegularFile();
        TrainedModel card = TrainedModel.read(out.resolve("storycore-sr-custom-x2.json"));
        assertThat(out.resolve(card.file())).isRegularFile().hasSize(card.bytes());
        assertThat(card.sha256()).hasSize(64);
        assertThat(card.psnr()).as("the exported model run by ONNX Runtime scores what the trained network scored")
                .isCloseTo(r.psnr(), org.assertj.core.api.Assertions.within(0.01));
        assertThat(out.resolve(SrTrainer.PLOT)).isRegularFile();
    }

    @Test
    void anInterruptedRunResumesFromItsCheckpointAndMatchesAnUninterruptedOne() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Path whole = tmp.resolve("whole");
        trainer(recipe(60), whole, () -> false, quiet).train();

        Path split = tmp.resolve("split");
        BooleanSupplier stopAfter30 = new BooleanSupplier() {
            private int calls;

            @Override
            public boolean getAsBoolean() {
                return ++calls > 30;
            }
        };
        SrTrainer.Result first = trainer(recipe(60), split, stopAfter30, quiet).train();
        assertThat(first.complete()).isFalse();
        assertThat(first.step()).isEqualTo(30);
        SrTrainer.Result second = trainer(recipe(60), split, () -> false, quiet).train();
        assertThat(second.complete()).isTrue();
        assertThat(second.step()).isEqualTo(60);

        TrainingHistory a = TrainingHistory.read(whole.resolve(SrTrainer.HISTORY));
        TrainingHistory b = TrainingHistory.read(split.resolve(SrTrainer.HISTORY));
        assertThat(b.loss).extracting(TrainingHistory.LossPoint::step).containsExactly(10, 20, 30, 40, 50, 60);
        for (int i = 0; i < a.loss.size(); i++) {
            assertThat(b.loss.get(i).loss()).as("loss at step %d", a.loss.get(i).step())
                    .isCloseTo(a.loss.get(i).loss(), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void evaluationSetsAreRefusedAsTrainingData() throws IOException {
        Path set5 = Files.createDirectories(tmp.resolve("sr/Set5"));
        TrainingRecipe bad = new TrainingRecipe(new NetworkSpec("custom", 2, 4, 0, 0), 1, 1, 16, 1e-3f, 1, 0.1f, 1,
                List.of(set5.toString()));
        assertThatThrownBy(() -> trainer(bad, tmp.resolve("bad"), () -> false, System.err).train())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("evaluation set");
    }
}
