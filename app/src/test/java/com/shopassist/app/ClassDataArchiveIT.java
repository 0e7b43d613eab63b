package com.shopassist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's guard as an installed app meets it: {@code shopassist.jar} with the archive and
 * its stamp beside it, started with {@code -Dshopassist.archive=} (as the installer's launcher
 * does). A jar that no longer matches makes the app start again without the archive and log one
 * line; a matching one starts once, quietly. (Whether the JVM itself uses the archive is checked
 * by the installer build, which has the JDK 25 that makes it.)
 */
class ClassDataArchiveIT {

    @TempDir
    Path dir;

    Path jar;
    Path archive;
    Path dataDir;

    /** What the app printed and logged (the test class path's logback configuration logs to the console). */
    record Run(int code, String out, List<String> log) {
        Stream<String> lines() {
            return Stream.concat(out.lines(), log.stream());
        }
    }

    @BeforeEach
    void installed() throws IOException {
        jar = dir.resolve("shopassist.jar");
        zip(Path.of("target/classes"), jar, null);
        archive = dir.resolve("shopassist.aot");
        Files.writeString(archive, "not a real archive: the JVM is not asked to use it here");
        ClassDataArchive.writeStamp(archive, jar, "test");
        dataDir = Files.createDirectories(dir.resolve("data"));
    }

    /** The app's classes as one jar; {@code extra} adds an entry (a rebuilt jar). */
    static void zip(Path classes, Path jar, String extra) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
            if (extra != null) {
                zip.putNextEntry(new ZipEntry(extra));
                zip.write(extra.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    Run start() throws Exception {
        // the test's class path with the app's classes replaced by the jar (and no logback-test.xml)
        List<String> cp = new ArrayList<>();
        cp.add(jar.toString());
        Path classes = Path.of("target/classes").toAbsolutePath();
        Path testClasses = Path.of("target/test-classes").toAbsolutePath();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path entry = Path.of(e).toAbsolutePath();
            if (!entry.equals(classes) && !entry.equals(testClasses)) cp.add(e);
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        String.join(File.pathSeparator, cp),
                        "-D" + ClassDataArchive.ARCHIVE_PROPERTY + "=" + archive,
                        Main.class.getName(),
                        "--help")
                .redirectErrorStream(true);
        pb.environment().put("SHOPASSIST_DATA_DIR", dataDir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Path log = dataDir.resolve("logs/shopassist.jsonl");
        return new Run(p.exitValue(), out, Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    @Test
    void aJarThatNoLongerMatchesItsArchiveStartsWithoutItAndLogsOneLine() throws Exception {
        zip(Path.of("target/classes"), jar, "rebuilt.txt");
        Run run = start();
        assertThat(run.code()).isZero();
        assertThat(run.out().split("Usage:", -1)).hasSize(2); // the app ran once, in the new JVM
        assertThat(run.lines().filter(l -> l.contains("class-data archive")))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("WARN")
                        .contains("it was made for another build of shopassist.jar")
                        .contains("started without it"));
    }

    @Test
    void aMatchingArchiveStartsOnceAndSaysNothing() throws Exception {
        Run run = start();
        assertThat(run.code()).isZero();
        assertThat(run.out().split("Usage:", -1)).hasSize(2);
        assertThat(run.lines()).noneMatch(l -> l.contains("class-data archive"));
    }
}
