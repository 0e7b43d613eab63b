package com.shopassist.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.CRC32C;
import org.slf4j.LoggerFactory;

/**
 * The class-data archive the installed app starts with (an AOT cache on JDK 25, decision 0075),
 * and the guard that it belongs to the jar beside it. The installer's launcher passes the archive
 * ({@code -XX:AOTCache=$APPDIR/shopassist.aot}) together with {@code -Dshopassist.archive=} naming
 * it; beside it lies {@code shopassist.aot.stamp}, the fingerprint of the jar it was made from.
 *
 * <p>Why not leave that to the JVM: JDK 25.0.3 does not notice that the jar changed (JDK-8377932)
 * and would run the archived classes of the old jar. So the first thing {@link Main} does is compare
 * the jar with the stamp; when they differ (a jar replaced by hand, a half-finished update), the
 * app starts again in a new JVM without the archive and logs one line saying so. The check reads
 * the jar's central directory (every entry's name, size and CRC), about 2 MB, not the whole jar:
 * a millisecond or two.
 */
public final class ClassDataArchive {

    /** System property naming the archive the launcher passed. */
    public static final String ARCHIVE_PROPERTY = "shopassist.archive";

    /** Set on the JVM started again without the archive; its value says why. */
    public static final String SKIPPED_PROPERTY = "shopassist.archive.skipped";

    /** The JVM options that make a JVM use (or write) a class-data archive. */
    private static final List<String> ARCHIVE_OPTIONS = List.of(
            "-XX:AOTCache=",
            "-XX:AOTMode=",
            "-XX:AOTConfiguration=",
            "-XX:AOTCacheOutput=",
            "-XX:SharedArchiveFile=",
            "-XX:+AutoCreateSharedArchive",
            "-D" + ARCHIVE_PROPERTY + "=");

    private ClassDataArchive() {}

    /** What identifies a jar's content: its size and a checksum of its central directory. */
    public record Fingerprint(long size, String centralDirectory) {}

    /** The stamp file of {@code archive}. */
    public static Path stampOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".stamp");
    }

    /** Writes the stamp of {@code archive}: made from {@code jar} (the installer calls this). */
    public static void writeStamp(Path archive, Path jar, String madeBy) {
        Fingerprint f = fingerprint(jar);
        Properties p = new Properties();
        p.setProperty("jar", jar.getFileName().toString());
        p.setProperty("jar.size", Long.toString(f.size()));
        p.setProperty("jar.central-directory", f.centralDirectory());
        p.setProperty("made-by", madeBy);
        try (OutputStream out = Files.newOutputStream(stampOf(archive))) {
            p.store(out, "ShopAssist class-data archive: the jar it was made from");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Why {@code archive} does not belong to {@code jar}, or empty when it does: a missing
     * archive or stamp, another jar name, size or central directory.
     */
    public static Optional<String> mismatch(Path archive, Path jar) {
        if (!Files.isRegularFile(archive)) return Optional.of("the archive " + archive.getFileName() + " is missing");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stampOf(archive))) {
            p.load(in);
        } catch (IOException e) {
            return Optional.of("the archive has no stamp saying which jar it was made from");
        }
        Fingerprint now;
        try {
            now = fingerprint(jar);
        } catch (UncheckedIOException e) {
            return Optional.of("the jar cannot be read (" + e.getCause().getMessage() + ")");
        }
        if (!jar.getFileName().toString().equals(p.getProperty("jar"))) {
            return Optional.of("it was made for " + p.getProperty("jar") + ", not " + jar.getFileName());
        }
        if (!Long.toString(now.size()).equals(p.getProperty("jar.size"))
                || !now.centralDirectory().equals(p.getProperty("jar.central-directory"))) {
            return Optional.of("it was made for another build of " + jar.getFileName());
        }
        return Optional.empty();
    }

    /**
     * The size of {@code jar} and the CRC-32C of its central directory (the zip's table of
     * contents: names, sizes and CRCs of every entry), found through the end-of-central-directory
     * record at the end of the file.
     */
    public static Fingerprint fingerprint(Path jar) {
        try (FileChannel ch = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, 22 + 65_535); // the record plus the longest comment
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(tail, size - tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == 0x06054b50) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) throw new IOException(jar.getFileName() + " is not a zip file");
            long cdSize = Integer.toUnsignedLong(tail.getInt(eocd + 12));
            long cdOffset = Integer.toUnsignedLong(tail.getInt(eocd + 16));
            if (cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL || cdOffset + cdSize > size) {
                // zip64 or damaged: the whole record still tells one build from another
                cdOffset = size - tailLength + eocd;
                cdSize = 22;
            }
            CRC32C crc = new CRC32C();
            ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            for (long pos = cdOffset, end = cdOffset + cdSize; pos < end; ) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), end - pos));
                int n = ch.read(chunk, pos);
                if (n <= 0) break;
                chunk.flip();
                crc.update(chunk);
                pos += n;
            }
            return new Fingerprint(size, HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + cdSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Called first in {@code main}: when the launcher passed an archive that does not belong to
     * the jar, runs the app again in a new JVM without it and returns that JVM's exit code; empty
     * when the archive is right (or none was passed) and this JVM goes on.
     */
    public static Optional<Integer> relaunchIfStale(String[] args) {
        String archive = System.getProperty(ARCHIVE_PROPERTY);
        if (archive == null || archive.isBlank() || System.getProperty(SKIPPED_PROPERTY) != null)
            return Optional.empty();
        Path jar = applicationJar(System.getProperty("java.class.path", ""), Path.of(archive));
        if (jar == null) return Optional.empty();
        Optional<String> why = mismatch(Path.of(archive), jar);
        if (why.isEmpty()) return Optional.empty();
        List<String> command = withoutArchive(
                javaExecutable(),
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"),
                why.get(),
                args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            String toolOptions = builder.environment().get("JAVA_TOOL_OPTIONS");
            if (toolOptions != null
                    && ARCHIVE_OPTIONS.stream().anyMatch(o -> toolOptions.contains(o.substring(0, o.length() - 1)))) {
                builder.environment().remove("JAVA_TOOL_OPTIONS");
            }
            Process child = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return Optional.of(child.waitFor());
        } catch (IOException e) {
            // cannot start without the archive: better the old classes than no kiosk at all
            System.err.println("error: the class-data archive does not match (" + why.get()
                    + ") and a JVM without it could not be started: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(1);
        }
    }

    /** The command that runs the same app without any class-data archive, saying why. */
    static List<String> withoutArchive(
            String java, List<String> jvmOptions, String classPath, String why, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        boolean classPathGiven = false;
        for (String option : jvmOptions) {
            if (ARCHIVE_OPTIONS.stream().anyMatch(option::startsWith)) continue;
            if (option.startsWith("-Djava.class.path=")) classPathGiven = true;
            command.add(option);
        }
        if (!classPathGiven) {
            command.add("-cp");
            command.add(classPath);
        }
        command.add("-D" + SKIPPED_PROPERTY + "=" + why);
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** In the JVM started without the archive: the one line that says so (logging is set up by now). */
    public static void logIfSkipped() {
        String why = System.getProperty(SKIPPED_PROPERTY);
        if (why == null) return;
        LoggerFactory.getLogger(ClassDataArchive.class)
                .warn("class-data archive not used: {}; started without it (a slower start, nothing else)", why);
    }

    private static String javaExecutable() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path exe = bin.resolve("java.exe");
        return (Files.isRegularFile(exe) ? exe : bin.resolve("java")).toString();
    }

    /**
     * The jar on the class path the archive was made from: the entry with the name its stamp
     * records, else the first jar. Not where {@code Main} says it came from: a class taken from
     * an archive reports the jar the archive was made with, wherever that was.
     */
    static Path applicationJar(String classPath, Path archive) {
        String name = null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(stampOf(archive))) {
            p.load(in);
            name = p.getProperty("jar");
        } catch (IOException e) {
            // no stamp: the first jar, which mismatch() then reports as having none
        }
        Path first = null;
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) continue;
            Path e = Path.of(entry);
            if (!Files.isRegularFile(e)) continue;
            if (first == null) first = e;
            if (e.getFileName().toString().equals(name)) return e;
        }
        return first;
    }
}
