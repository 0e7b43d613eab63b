package com.shopassist.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import com.shopassist.app.logging.JsonLines;
import com.shopassist.app.logging.OwnerOnly;
import com.shopassist.app.logging.RedactingEncoder;
import java.nio.file.Path;
import java.util.Map;

/**
 * Logging set up in code (found by logback through {@code META-INF/services}): the XML route
 * (Joran) loads and runs several hundred classes, a third of a second of CPU at every start of the
 * app. What it sets up: the log file {@code <shopassist.log.dir>/shopassist.jsonl}, one JSON object
 * a line ({@link JsonLines}: kiosk id, the turn's ids from the MDC, contact details redacted),
 * rolled at 10 MB and each day, kept 14 days and 200 MB at most, in a folder only the app's user
 * may open; INFO and above; the console (stderr) only at {@code shopassist.console.level} (OFF
 * unless {@code --verbose}; see {@link LoggingSetup}), human-readable and redacted the same way;
 * chatty libraries at WARN. A {@code logback.xml} or {@code logback-test.xml} on the class path,
 * or {@code -Dlogback.configurationFile=...}, is used instead when present.
 */
@ConfiguratorRank(value = ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    static final String FILE_NAME = "shopassist.jsonl";
    static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} %X{turn} - %msg%n";
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "io.zonky", Level.WARN,
            "org.apache.ibatis", Level.WARN,
            "ai.djl", Level.ERROR);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = LogConfigurator.class.getClassLoader();
        if (System.getProperty("logback.configurationFile") != null
                || loader.getResource("logback-test.xml") != null
                || loader.getResource("logback.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        String dir =
                System.getProperty("shopassist.log.dir", System.getProperty("java.io.tmpdir") + "/shopassist-logs");
        String kiosk = System.getProperty("shopassist.kiosk.id", "kiosk");
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file(context, Path.of(dir), kiosk));
        Level console = Level.toLevel(System.getProperty("shopassist.console.level", "OFF"), Level.OFF);
        if (console != Level.OFF) root.addAppender(console(context, console));
        LIBRARY_LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path dir, String kiosk) {
        OwnerOnly.prepare(dir, dir.resolve(FILE_NAME));
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir.resolve(FILE_NAME).toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/shopassist.%d{yyyy-MM-dd}.%i.jsonl.gz");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        file.setRollingPolicy(rolling);
        rolling.start();
        file.setEncoder(JsonLines.encoder(context, kiosk));
        file.start();
        return file;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, Level level) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level.toString());
        threshold.start();
        console.addFilter(threshold);
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();
        console.setEncoder(encoder);
        console.start();
        return console;
    }
}
