package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * What a turn writes to the log, captured from every logger: ids and the layer, never the words a
 * shopper typed, in either language, whether Gemini answers or fails over to the offline assistant.
 */
class TurnLogIT extends ChainTestBase {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    private String everythingLogged() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : List.copyOf(captured.list)) {
            sb.append(e.getFormattedMessage()).append('\n');
            sb.append(e.getMDCPropertyMap()).append('\n');
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause())
                sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "send the headphones to Jl. Sudirman No. 5, my email is budi@example.com and phone 0812-3456-7890",
                "kirim ke Jalan Merdeka 10 ya, nomor saya +62 812 3456 7890, email budi@example.com",
            })
    void aFailedOverTurnLogsItsIdsAndLayerButNotTheShoppersWords(String message) {
        // no script: both models answer 500, the offline assistant answers
        var reply = chain.reply(Harness.guest(), message);
        assertThat(reply.assistant()).isEqualTo("offline");
        String logged = everythingLogged();
        assertThat(logged)
                .doesNotContain("budi@example.com", "3456", "Sudirman", "Merdeka", "headphones to", "kirim ke");
        assertThat(captured.list)
                .filteredOn(e -> e.getFormattedMessage().equals("turn answered"))
                .singleElement()
                .satisfies(e -> assertThat(e.getMDCPropertyMap())
                        .containsKeys("session", "turn", "latency_ms")
                        .containsEntry("layer", "offline")
                        .containsEntry("store", "shared"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"is the JBL Go 3 in stock? call me at 081234567890", "ada JBL? alamat Gg. Mawar 3"})
    void aGeminiTurnWhoseAnswerTheValidatorChangesLogsNoSentence(String message) {
        fake.enqueue(Harness.FLASH, Reply.text("Sure! Budi at Gg. Mawar 3 can get [P999] for Rp 1.000 today."));
        chain.reply(Harness.guest(), message);
        assertThat(everythingLogged()).doesNotContain("Mawar", "081234567890", "Budi at", "ada JBL", "call me");
    }
}
