package com.shopassist.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    @TempDir
    Path dir;

    static void jar(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0); // the same bytes whatever the clock says
                zip.putNextEntry(entry);
                zip.write(e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    Path archiveFor(Path jar) throws IOException {
        Path archive = jar.resolveSibling("shopassist.aot");
        Files.writeString(archive, "an archive");
        ClassDataArchive.writeStamp(archive, jar, "test");
        return archive;
    }

    @Test
    void theArchiveMadeFromAJarBelongsToItAndToAnIdenticalCopyAtAnotherTime() throws Exception {
        Path jar = dir.resolve("shopassist.jar");
        jar(jar, Map.of("a/Main.class", "v1", "b/Other.class", "x"));
        Path archive = archiveFor(jar);
        assertThat(ClassDataArchive.mismatch(archive, jar)).isEmpty();

        // installed elsewhere by a package manager: another folder, another modification time
        Path installed = Files.createDirectories(dir.resolve("opt/lib/app")).resolve("shopassist.jar");
        Files.copy(jar, installed);
        Files.setLastModifiedTime(installed, FileTime.fromMillis(1_000));
        Files.copy(archive, installed.resolveSibling("shopassist.aot"));
        Files.copy(ClassDataArchive.stampOf(archive), installed.resolveSibling("shopassist.aot.stamp"));
        assertThat(ClassDataArchive.mismatch(installed.resolveSibling("shopassist.aot"), installed))
                .isEmpty();
    }

    @Test
    void aRebuiltJarNoLongerMatchesEvenAtTheSameSize() throws Exception {
        Path jar = dir.resolve("shopassist.jar");
        jar(jar, Map.of("a/Main.class", "v1"));
        Path archive = archiveFor(jar);
        long size = Files.size(jar);
        jar(jar, Map.of("a/Main.class", "v2")); // one class changed, same length
        assertThat(Files.size(jar)).isEqualTo(size);
        assertThat(ClassDataArchive.mismatch(archive, jar)).contains("it was made for another build of shopassist.jar");
    }

    @Test
    void aMissingStampOrArchiveIsAMismatchToo() throws Exception {
        Path jar = dir.resolve("shopassist.jar");
        jar(jar, Map.of("a/Main.class", "v1"));
        Path archive = archiveFor(jar);
        Files.delete(ClassDataArchive.stampOf(archive));
        assertThat(ClassDataArchive.mismatch(archive, jar))
                .hasValueSatisfying(why -> assertThat(why).contains("no stamp"));
        Files.delete(archive);
        assertThat(ClassDataArchive.mismatch(archive, jar))
                .hasValueSatisfying(why -> assertThat(why).contains("missing"));
    }

    @Test
    void theJarCheckedIsTheClassPathEntryTheStampNames() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path other = lib.resolve("other.jar");
        jar(other, Map.of("x", "y"));
        Path jar = lib.resolve("shopassist.jar");
        jar(jar, Map.of("a/Main.class", "v1"));
        Path archive = archiveFor(jar);
        String cp = String.join(java.io.File.pathSeparator, dir.toString(), other.toString(), jar.toString());
        assertThat(ClassDataArchive.applicationJar(cp, archive)).isEqualTo(jar);
        // without a stamp: the first jar (and mismatch() says the stamp is missing)
        Files.delete(ClassDataArchive.stampOf(archive));
        assertThat(ClassDataArchive.applicationJar(cp, archive)).isEqualTo(other);
    }

    @Test
    void theJvmStartedAgainGetsNoArchiveOptionAndSaysWhy() {
        List<String> command = ClassDataArchive.withoutArchive(
                "/opt/shopassist/lib/runtime/bin/java",
                List.of(
                        "-Djava.class.path=/opt/shopassist/lib/app/shopassist.jar",
                        "-XX:+UseSerialGC",
                        "-XX:AOTCache=/opt/shopassist/lib/app/shopassist.aot",
                        "-Dshopassist.archive=/opt/shopassist/lib/app/shopassist.aot",
                        "-XX:SharedArchiveFile=/x.jsa",
                        "-Xmx256m"),
                "/opt/shopassist/lib/app/shopassist.jar",
                "it was made for another build of shopassist.jar",
                new String[] {"--kiosk"});
        assertThat(command)
                .containsExactly(
                        "/opt/shopassist/lib/runtime/bin/java",
                        "-Djava.class.path=/opt/shopassist/lib/app/shopassist.jar",
                        "-XX:+UseSerialGC",
                        "-Xmx256m",
                        "-Dshopassist.archive.skipped=it was made for another build of shopassist.jar",
                        "com.shopassist.app.Main",
                        "--kiosk");
    }

    @Test
    void withoutAClassPathOptionTheClassPathIsPassed() {
        List<String> command = ClassDataArchive.withoutArchive(
                "java", List.of("-XX:AOTCache=a.aot"), "lib/shopassist.jar", "why", new String[0]);
        assertThat(command)
                .containsExactly(
                        "java",
                        "-cp",
                        "lib/shopassist.jar",
                        "-Dshopassist.archive.skipped=why",
                        "com.shopassist.app.Main");
    }
}
