package com.shopassist.installers;

import com.shopassist.installers.AppImage.Os;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./mvnw -B -DskipTests -Pinstallers package}: the installers of this OS, each shipping a
 * runtime cut by jlink and a class-data archive made at package time (decision 0075).
 *
 * <ol>
 *   <li>jlink: a runtime of the modules the app uses, from the release JDK ({@link ReleaseJdk});
 *   <li>jpackage: the application image (launcher, runtime, jar; on Linux the kiosk start files);
 *   <li>{@link Training}: the archive from a recorded start, the launcher pointed at it, checked;
 *   <li>jpackage again for each installer of this OS (.deb; .msi with WiX; .dmg), from that image.
 * </ol>
 *
 * Prints the sizes at the end. Options: {@code --app-jar}, {@code --dest}, {@code --work},
 * {@code --packaging} (the per-OS resources), {@code --types app-image,deb}, {@code --version},
 * {@code --jdk} (blank: found).
 */
public final class Packager {

    private final Map<String, String> options;
    private final Os os = Os.current();

    private Packager(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        try {
            new Packager(options).run();
        } catch (RuntimeException e) {
            System.err.println("[installers] error: " + e.getMessage());
            System.exit(1);
        }
    }

    private Path path(String key) {
        String v = options.get(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("--" + key + " is missing");
        return Path.of(v).toAbsolutePath();
    }

    private void run() {
        Path jar = path("app-jar");
        Path dest = path("dest");
        Path work = path("work");
        Path packaging = path("packaging");
        String version = options.getOrDefault("version", "1.0.0");
        List<String> types = Arrays.stream(
                        options.getOrDefault("types", "app-image").split(","))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: build the app first");

        ReleaseJdk jdk = ReleaseJdk.find(options.get("jdk"), System.getenv(), Path.of(System.getProperty("java.home")));
        log("release JDK " + jdk.version() + " at " + jdk.home());
        if (!jdk.hasAotCache()) {
            log("warning: JDK " + jdk.feature() + " has no AOT cache; the release build wants JDK " + ReleaseJdk.WANTED
                    + " (set installer.jdk or SHOPASSIST_RELEASE_JDK)");
        }

        Training.clean(dest);
        Path input = Training.clean(work.resolve("input"));
        copy(jar, input.resolve(Jpackage.JAR));
        Path runtime = work.resolve("runtime");
        Training.clean(runtime);
        delete(runtime); // jlink wants to create it
        run(Jpackage.jlink(jdk, listModules(jdk), runtime), Map.of(), 600);
        log("runtime: " + mb(size(runtime)) + " (" + Jpackage.MODULES.size() + " modules asked for)");

        Path content = os == Os.LINUX ? packaging.resolve("linux/kiosk") : null;
        run(Jpackage.appImage(jdk, input, runtime, dest, version, content), Map.of(), 600);
        AppImage image = AppImage.in(dest, os, Jpackage.NAME);

        if (jdk.hasRelocatableArchive()) {
            Path archive = new Training(jdk, image, work, this::run).makeArchive();
            log("class-data archive: " + archive.getFileName() + " " + mb(size(archive)));
        } else {
            log("warning: JDK " + jdk.feature() + " cannot use an archive made at another path: no archive");
        }

        for (String type : types) {
            if (type.equals("app-image")) continue;
            if (!Jpackage.nativeTypes(os).contains(type)) {
                log("skipped " + type + ": jpackage makes it on its own OS only");
                continue;
            }
            Path resources = packaging.resolve(resourceDirOf(type));
            run(
                    Jpackage.installer(
                            jdk, type, image, dest, version, Files.isDirectory(resources) ? resources : null),
                    Map.of(),
                    900);
        }
        log("sizes:");
        log(String.format("  %-40s %s", image.root().getFileName() + "/ (app image)", mb(size(image.root()))));
        try (Stream<Path> files = Files.list(dest)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                log(String.format("  %-40s %s", f.getFileName(), mb(size(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resourceDirOf(String type) {
        return switch (type) {
            case "deb" -> "linux/deb";
            case "msi" -> "windows";
            case "dmg" -> "macos";
            default -> type;
        };
    }

    private List<String> listModules(ReleaseJdk jdk) {
        String out = run(List.of(jdk.tool("java").toString(), "--list-modules"), Map.of(), 60);
        return out.lines().map(l -> l.replaceFirst("@.*$", "").strip()).toList();
    }

    /** Runs a command in the work folder, echoing its output; fails on a non-zero exit code. */
    private String run(List<String> command, Map<String, String> env, int timeoutSeconds) {
        return run(command, env, path("work"), timeoutSeconds);
    }

    private String run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds) {
        log("$ " + String.join(" ", command));
        try {
            ProcessBuilder pb =
                    new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            StringBuilder out = new StringBuilder();
            Thread pump = new Thread(() -> {
                try (var r = new java.io.BufferedReader(
                        new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        out.append(line).append('\n');
                        System.out.println("    " + line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            pump.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " took more than " + timeoutSeconds + " s");
            }
            pump.join();
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        Path.of(command.get(0)).getFileName() + " failed (exit code " + p.exitValue() + ")");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            return all.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0;
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    private static void log(String line) {
        System.out.println("[installers] " + line);
    }
}
