package com.shopassist.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.nio.file.Path;

/** The app's log file appender, for tests and benchmarks outside this package. */
public final class LogFileAccess {
    private LogFileAccess() {}

    public static RollingFileAppender<ILoggingEvent> file(LoggerContext context, Path dir, String kiosk) {
        return LogConfigurator.file(context, dir, kiosk);
    }
}
