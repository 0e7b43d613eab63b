package com.shopassist.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The log file's lines as written, captured through the real encoder. */
class JsonLinesTest {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Logger log;

    @BeforeEach
    void captureThroughTheFileEncoder() {
        OutputStreamAppender<ILoggingEvent> capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setEncoder(JsonLines.encoder(context, "kiosk-07"));
        capture.setOutputStream(out);
        capture.start();
        log = context.getLogger("com.shopassist.test.json-lines");
        log.setAdditive(false);
        log.setLevel(ch.qos.logback.classic.Level.INFO);
        log.addAppender(capture);
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
        log.detachAndStopAllAppenders();
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void contactDetailsInMessagesArgumentsAndStackTracesNeverReachTheFile() {
        log.info("customer wrote {}", "email saya budi@example.com, nomor 0812-3456-7890");
        log.warn("could not deliver to {}", "Jl. Sudirman No. 5, Jakarta");
        log.error(
                "insert failed",
                new IllegalStateException(
                        "Key (email)=(budi@example.com) already exists; phone +62 812 3456 7890; 12 Baker Street"));
        String file = out.toString(StandardCharsets.UTF_8);
        assertThat(file)
                .doesNotContain("budi@example.com", "0812-3456-7890", "812 3456 7890", "Sudirman", "Baker Street")
                .contains("[email]", "[phone]", "[address]");
        assertThat(lines())
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
    }

    @Test
    void everyLineNamesTheKioskAndOnlyTheTurnsIdsComeFromTheMdc() {
        MDC.put("session", UUID.randomUUID().toString());
        MDC.put("turn", "a1b2c3d4");
        MDC.put("layer", "offline");
        MDC.put("store", "local");
        MDC.put("latency_ms", "42");
        MDC.put("said", "aku mau kirim ke Jalan Kenanga");
        log.info("turn answered");
        String line = lines().get(0);
        assertThat(line)
                .contains("\"kiosk\":\"kiosk-07\"", "\"turn\":\"a1b2c3d4\"", "\"layer\":\"offline\"")
                .contains("\"store\":\"local\"", "\"latency_ms\":\"42\"")
                .doesNotContain("said", "Kenanga");
    }

    @Test
    void aTurnLineStaysUnderOneKilobyte() {
        // the widest turn line the chain writes: every MDC key at its longest
        MDC.put("session", UUID.randomUUID().toString());
        MDC.put("turn", "0123456789abcdef");
        MDC.put("layer", "gemini-flash");
        MDC.put("store", "shared");
        MDC.put("latency_ms", "120000");
        MDC.put("tools", "search_products,get_product_details,compare_products,add_to_cart,get_cart");
        log.info("turn answered");
        byte[] line = lines().get(0).getBytes(StandardCharsets.UTF_8);
        assertThat(line.length).isLessThan(1024);
    }
}
