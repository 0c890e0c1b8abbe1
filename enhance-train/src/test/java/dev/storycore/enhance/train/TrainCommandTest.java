package dev.storycore.enhance.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrainCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = TrainMain.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void theTrainingJarHasTheWholeCliPlusTrain() {
        CommandLine cl = TrainMain.commandLine();
        assertThat(cl.getSubcommands()).containsKeys("train", "bench", "help");
        assertThat(cl.getSubcommands().get("train").getSubcommands()).containsKey("sr");
    }

    @Test
    void anUnsupportedScaleIsBadInputWithAMessage() {
        assertThat(run("train", "sr", "--scale", "5", "--steps", "10")).isEqualTo(3);
        assertThat(err.toString()).contains("scale 5 is not supported");
    }

    @Test
    void aScheduleNeedsALength() {
        assertThat(run("train", "sr", "--scale", "2", "--validation", "none")).isEqualTo(3);
        assertThat(err.toString()).contains("give --steps or --minutes");
    }

    @Test
    void anUnknownPresetIsBadInput() {
        assertThat(run("train", "sr", "--scale", "2", "--preset", "huge", "--steps", "5")).isEqualTo(3);
        assertThat(err.toString()).contains("unknown preset 'huge'");
    }
}
