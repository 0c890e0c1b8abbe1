package dev.storycore.enhance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryCoreCommandTest {
    @Test
    void helpListsEverySubcommandAndTheExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        for (String sub : StoryCoreCommand.commandLine().getSubcommands().keySet()) {
            assertThat(r.out()).as("help mentions " + sub).contains(sub);
        }
        assertThat(r.out()).contains("Exit codes: 0 ok");
    }

    @Test
    void anUnknownOptionIsABadUsageWithExitCode2() {
        Cli.Result r = Cli.run("--no-such-option");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--no-such-option");
    }

    @Test
    void benchWithoutASubcommandPrintsItsUsage() {
        Cli.Result r = Cli.run("bench");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: storycore bench");
    }
}
