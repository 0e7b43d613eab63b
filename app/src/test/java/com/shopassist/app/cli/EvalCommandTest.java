package com.shopassist.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.wiring.AppWiring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval command's options, and one replayed run end to end (its copies on an embedded server). */
class EvalCommandTest {

    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream err, String... args) {
        return run(new ByteArrayOutputStream(), err, args);
    }

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        try (AppWiring app = new AppWiring(AppConfig.of(Map.of(), dir), Clock.systemUTC())) {
            return EvalCommand.run(
                    app,
                    List.of(args),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aReplayedTaskRunsWithoutAKeyAndSaysItWasReplayed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = run(out, err, "--assistant", "gemini", "--replay", "--json", "--only", "privacy-guest-orders-01");
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(json).contains("\"replayed\":true").contains("\"tasks\":1").contains("\"pass_1\":1.0");
    }

    @Test
    void geminiWithoutAKeyIsRefusedUnlessItIsReplayed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--assistant", "gemini")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs GEMINI_API_KEY");

        // replayed, no key is asked for: the filter is applied to the tasks that have recordings
        err.reset();
        assertThat(run(err, "--assistant", "gemini", "--replay", "--only", "no-such-task"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no task matches 'no-such-task' among those with recorded replies")
                .doesNotContain("GEMINI_API_KEY");
    }

    @Test
    void aReplayOfTheOfflineAssistantIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "--replay")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("use it with --assistant gemini");
    }
}
