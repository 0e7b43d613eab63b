package com.shopassist.app.logging;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.List;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;

/**
 * The encoder of the log file: one JSON object a line, with the kiosk id on every line, the
 * turn's ids from the MDC (only the keys named here, so nothing else put in the MDC reaches the
 * file), and every string passed through {@link Redactor}.
 */
public final class JsonLines {

    /** The MDC keys a line may carry: ids and numbers of the turn, never its words. */
    public static final List<String> MDC_KEYS = List.of("session", "turn", "layer", "store", "latency_ms", "tools");

    private JsonLines() {}

    public static LogstashEncoder encoder(LoggerContext context, String kioskId) {
        LogstashEncoder encoder = new LogstashEncoder();
        encoder.setContext(context);
        LogstashFieldNames names = new LogstashFieldNames();
        names.setVersion("[ignore]");
        names.setLevelValue("[ignore]");
        names.setThread("thread");
        names.setTimestamp("ts");
        encoder.setFieldNames(names);
        encoder.setShortenedLoggerNameLength(36);
        encoder.setIncludeMdcKeyNames(MDC_KEYS);
        encoder.setIncludeKeyValuePairs(false);
        encoder.setCustomFields("{\"kiosk\":\"" + quote(kioskId) + "\"}");
        ShortenedThrowableConverter throwable = new ShortenedThrowableConverter();
        throwable.setContext(context);
        throwable.setMaxDepthPerThrowable(24);
        throwable.setMaxLength(8_000);
        throwable.setShortenedClassNameLength(30);
        throwable.setRootCauseFirst(true);
        encoder.setThrowableConverter(throwable);
        MaskingJsonGeneratorDecorator masking = new MaskingJsonGeneratorDecorator();
        masking.addValueMasker(new RedactingValueMasker());
        masking.start();
        encoder.addDecorator(masking);
        encoder.start();
        return encoder;
    }

    private static String quote(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s == null ? "" : s));
    }
}
