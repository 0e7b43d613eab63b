package com.shopassist.installers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDK whose jlink, jpackage and runtime the installers are made with. The code is Java 17 and
 * the build runs on any JDK from 17, but the installed app runs on the runtime cut from this JDK:
 * JDK 25 or newer gives it an AOT cache (JEP 483, 514, 515), the fastest start. Which one: the
 * {@code installer.jdk} property, else {@code SHOPASSIST_RELEASE_JDK}, else the newest JDK 25+
 * found in the usual places, else the JDK running the build (with a warning).
 */
record ReleaseJdk(Path home, int feature, String version) {

    /** The release a shipped runtime should have: an AOT cache, and the jar check fixed in 25.0.4. */
    static final int WANTED = 25;

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([0-9][^\"]*)\"", Pattern.MULTILINE);

    boolean hasAotCache() {
        return feature >= 25;
    }

    /** JDK 19+ can use a class-data archive made at another path (the app-image is installed elsewhere). */
    boolean hasRelocatableArchive() {
        return feature >= 19;
    }

    Path tool(String name) {
        Path bin = home.resolve("bin");
        Path exe = bin.resolve(name + ".exe");
        return Files.isRegularFile(exe) ? exe : bin.resolve(name);
    }

    /** The JDK at {@code home}, if it is one with jlink and jpackage. */
    static Optional<ReleaseJdk> at(Path home) {
        try {
            Path release = home.resolve("release");
            if (!Files.isRegularFile(release)) return Optional.empty();
            Matcher m = VERSION.matcher(Files.readString(release));
            if (!m.find()) return Optional.empty();
            String version = m.group(1);
            int feature = Integer.parseInt(version.split("[.+-]")[0]);
            ReleaseJdk jdk = new ReleaseJdk(home, feature, version);
            return Files.exists(jdk.tool("jlink")) && Files.exists(jdk.tool("jpackage"))
                    ? Optional.of(jdk)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Finds the JDK to package with; {@code requested} (a path, or blank) wins. */
    static ReleaseJdk find(String requested, Map<String, String> env, Path running) {
        return find(requested, env, running, candidates(env));
    }

    /** As {@link #find(String, Map, Path)}, looking among {@code candidates} (JDK folders or not). */
    static ReleaseJdk find(String requested, Map<String, String> env, Path running, List<Path> candidates) {
        for (String given : new String[] {requested, env.get("SHOPASSIST_RELEASE_JDK")}) {
            if (given == null || given.isBlank()) continue;
            return at(Path.of(given.strip()))
                    .orElseThrow(() -> new IllegalArgumentException(
                            given + " is not a JDK with jlink and jpackage (its release file names the version)"));
        }
        Optional<ReleaseJdk> found = candidates.stream()
                .map(ReleaseJdk::at)
                .flatMap(Optional::stream)
                .filter(j -> j.feature() >= WANTED)
                .max(Comparator.comparingInt(ReleaseJdk::feature).thenComparing(ReleaseJdk::version));
        return found.or(() -> at(running))
                .orElseThrow(
                        () -> new IllegalStateException("no JDK with jlink and jpackage found; set installer.jdk"));
    }

    /** Where JDKs are usually installed, per OS, and the *_HOME variables people set. */
    static List<Path> candidates(Map<String, String> env) {
        List<Path> dirs = new ArrayList<>();
        for (var e : env.entrySet()) {
            if (e.getKey().matches("JAVA(_?\\d+)?_HOME|JDK\\d*_HOME")) dirs.add(Path.of(e.getValue()));
        }
        List<Path> parents = new ArrayList<>(List.of(
                Path.of("/usr/lib/jvm"),
                Path.of("/opt/java"),
                Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"),
                Path.of(System.getProperty("user.home"), ".jdks")));
        String programFiles = env.get("ProgramFiles");
        if (programFiles != null) {
            for (String vendor : List.of("Eclipse Adoptium", "Java", "Microsoft", "Zulu", "Amazon Corretto")) {
                parents.add(Path.of(programFiles, vendor));
            }
        }
        for (Path parent : parents) {
            if (!Files.isDirectory(parent)) continue;
            try (Stream<Path> children = Files.list(parent)) {
                children.forEach(c -> {
                    dirs.add(c);
                    dirs.add(c.resolve("Contents/Home")); // macOS bundles
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dirs;
    }
}
