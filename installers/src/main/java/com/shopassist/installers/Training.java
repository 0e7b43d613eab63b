package com.shopassist.installers;

import com.shopassist.app.ClassDataArchive;
import com.shopassist.installers.AppImage.Os;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Makes the class-data archive of an application image from a training run: the app started as a
 * kiosk starts it (its window, the embedded database, a chat message answered, semantic search
 * loaded), recorded by the JVM. JDK 25+: an AOT cache ({@code -XX:AOTCacheOutput}, classes loaded
 * and linked; no method profiles, since the launcher's {@code -XX:-AOTReplayTraining} applies to
 * the training run too, decision 0104); JDK 19-24: a dynamic AppCDS archive. The first
 * run (not recorded) creates and seeds the training database, so the recorded one is the usual
 * start. Then the launcher is told to pass the archive, and both ways it can be met are checked:
 * used by a start, and refused (one line logged, the app still starts) once the jar changes.
 */
final class Training {

    private final ReleaseJdk jdk;
    private final AppImage image;
    private final Path work;
    private final Runner runner;

    /** Runs a command: the environment's additions, a time limit; returns the output (fails on exit code). */
    interface Runner {
        String run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds);
    }

    Training(ReleaseJdk jdk, AppImage image, Path work, Runner runner) {
        this.jdk = jdk;
        this.image = image;
        this.work = work;
        this.runner = runner;
    }

    /** The archive's file name: what the JVM makes of it differs, so does the name. */
    String archiveName() {
        return jdk.hasAotCache() ? "shopassist.aot" : "shopassist.jsa";
    }

    /** Records, writes the stamp, points the launcher at the archive and checks it. Returns the archive. */
    Path makeArchive() {
        Path data = clean(work.resolve("training-data"));
        Path archive = image.appDir().resolve(archiveName());
        Map<String, String> env = Map.of(
                "SHOPASSIST_DATA_DIR",
                data.toString(),
                // the seed's embeddings are not what the training is about (and take a minute)
                "SHOPASSIST_SEMANTIC_SEED_LIMIT",
                "0");
        log("training: first start (database created and seeded; not recorded)");
        runner.run(windowStart(), env, work, 600);
        String record = jdk.hasAotCache() ? "-XX:AOTCacheOutput=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
        log("training: the recorded start (" + record + ")");
        runner.run(windowStart(), withToolOptions(env, record), work, 600);
        if (!Files.isRegularFile(archive)) throw new IllegalStateException("the training run made no " + archive);
        ClassDataArchive.writeStamp(archive, image.appDir().resolve(Jpackage.JAR), "JDK " + jdk.version());
        pointLauncherAt(image.cfg(), archive.getFileName().toString(), jdk);
        checkUsed(data);
        checkRefusedWhenTheJarChanges();
        clean(data);
        return archive;
    }

    /** The command of a measured start that closes itself: under a display, or Xvfb, or headless. */
    List<String> windowStart() {
        List<String> cmd = new ArrayList<>(display(image.os(), System.getenv(), onPath("xvfb-run")));
        cmd.add(image.launcher().toString());
        cmd.add("--measure-startup=exit");
        return cmd;
    }

    /**
     * What to put before a command so it has a display: nothing where there is one (Windows, macOS,
     * a Linux desktop), else {@code xvfb-run}. A Linux build machine without either fails: an
     * archive that never saw the window would leave the start it is for as slow as without one.
     */
    static List<String> display(Os os, Map<String, String> env, boolean xvfbRun) {
        if (os != Os.LINUX) return List.of();
        if (notBlank(env.get("DISPLAY")) || notBlank(env.get("WAYLAND_DISPLAY"))) return List.of();
        if (xvfbRun) return List.of("xvfb-run", "-a", "-s", "-screen 0 1920x1080x24");
        throw new IllegalStateException("the training run needs a display: install Xvfb (apt-get install xvfb"
                + " libgtk-3-0) or build in a desktop session");
    }

    /**
     * The cfg jpackage wrote gets the archive: {@code -XX:AOTCache} (or {@code
     * -XX:SharedArchiveFile}) and the property the app checks it by, both under {@code $APPDIR}.
     */
    static void pointLauncherAt(Path cfg, String archiveName, ReleaseJdk jdk) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
            lines.removeIf(l -> l.contains("-XX:AOTCache=")
                    || l.contains("-XX:SharedArchiveFile=")
                    || l.contains(ClassDataArchive.ARCHIVE_PROPERTY + "="));
            int at = lines.indexOf("[JavaOptions]");
            if (at < 0) {
                lines.add("[JavaOptions]");
                at = lines.size() - 1;
            }
            String path = "$APPDIR/" + archiveName;
            lines.add(
                    at + 1, "java-options=" + (jdk.hasAotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + path);
            lines.add(at + 2, "java-options=-D" + ClassDataArchive.ARCHIVE_PROPERTY + "=" + path);
            Files.write(cfg, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A start with the archive loads the app's classes from it (the JVM says so per class). */
    private void checkUsed(Path data) {
        Path classLog = work.resolve("class-load.txt");
        runner.run(
                List.of(image.launcher().toString(), "--help"),
                withToolOptions(
                        Map.of("SHOPASSIST_DATA_DIR", data.toString()), "-Xlog:class+load=info:file=" + classLog),
                work,
                120);
        try (Stream<String> lines = Files.lines(classLog)) {
            long shared = lines.filter(l -> l.contains(" com.shopassist.") && l.contains("shared objects file"))
                    .count();
            if (shared == 0) throw new IllegalStateException("a start with the archive loaded no class from it");
            log("check: a start with the archive loads " + shared + " of the app's classes from it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the image whose jar has one more entry (a rebuilt jar) must start without the
     * archive, log one line, and still do what it was asked.
     */
    private void checkRefusedWhenTheJarChanges() {
        Path copy = clean(work.resolve("stale-check"));
        Path data = clean(work.resolve("stale-check-data"));
        try {
            copyTree(image.root(), copy.resolve(image.root().getFileName()));
            AppImage stale = new AppImage(copy.resolve(image.root().getFileName()), image.os(), image.name());
            try (var jar =
                    java.nio.file.FileSystems.newFileSystem(stale.appDir().resolve(Jpackage.JAR))) {
                Files.writeString(jar.getPath("rebuilt.txt"), "another build");
            }
            String out = runner.run(
                    List.of(stale.launcher().toString(), "--help"),
                    Map.of("SHOPASSIST_DATA_DIR", data.toString()),
                    work,
                    120);
            if (!out.contains("Usage:")) throw new IllegalStateException("the stale-archive start did not run: " + out);
            Path log = data.resolve("logs/shopassist.jsonl");
            long lines = Files.readAllLines(log).stream()
                    .filter(l -> l.contains("class-data archive not used"))
                    .count();
            if (lines != 1) throw new IllegalStateException("a stale archive logged " + lines + " lines, not one");
            log("check: with a changed jar the app starts without the archive and logs one line");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            clean(copy);
            clean(data);
        }
    }

    private static Map<String, String> withToolOptions(Map<String, String> env, String options) {
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("JAVA_TOOL_OPTIONS", options);
        return e;
    }

    static Path clean(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p :
                            all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static void log(String line) {
        System.out.println("[installers] " + line);
    }
}
