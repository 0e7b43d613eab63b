package com.shopassist.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LogFileTest {

    @TempDir
    Path data;

    @Test
    void theLogFileIsJsonLinesInAFolderOnlyTheAppsUserCanOpen() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Path dir = data.resolve("logs");
        var appender = LogConfigurator.file(context, dir, "kiosk-3");
        var log = context.getLogger("com.shopassist.test.log-file");
        log.setAdditive(false);
        log.setLevel(Level.INFO);
        log.addAppender(appender);
        try {
            MDC.put("turn", "t-1");
            log.info("turn answered for {}", "budi@example.com");
        } finally {
            MDC.clear();
            log.detachAndStopAllAppenders();
        }
        Path file = dir.resolve(LogConfigurator.FILE_NAME);
        String line = Files.readString(file).strip();
        assertThat(line)
                .startsWith("{")
                .contains("\"kiosk\":\"kiosk-3\"", "\"turn\":\"t-1\"", "[email]")
                .doesNotContain("budi@");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }
}
