package com.shopassist.installers;

import com.shopassist.installers.AppImage.Os;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jlink and jpackage command lines, one place for every OS so they can be read and tested
 * side by side (the .msi and .dmg lines cannot run on Linux, but their options are checked here).
 */
final class Jpackage {

    static final String NAME = "ShopAssist";
    static final String PACKAGE_NAME = "shopassist";
    static final String VENDOR = "ShopAssist";
    static final String DESCRIPTION = "In-store shopping assistant for kiosks and sales clerks";
    static final String MAIN_CLASS = "com.shopassist.app.Main";
    static final String JAR = "shopassist.jar";
    /** Fixed so that a new .msi upgrades the installed one instead of installing beside it. */
    static final String WINDOWS_UPGRADE_UUID = "7c4f6d2e-9a53-4b8e-8d1f-3e6a2b5c9f10";

    /**
     * The modules the app uses (jdeps on the jar, then what it cannot see: locale data for
     * Indonesian number and date formats, zip file systems, and jdk.security.auth, whose UnixSystem
     * the embedded PostgreSQL asks by reflection whether it runs as root; jdk.httpserver for the
     * evaluation's replayed Gemini endpoint). Left out though jdeps lists them:
     * jdk.jdi, jdk.attach and java.instrument (MyBatis' unused javassist hot-swapper) and jdk.jfr
     * (JavaFX's optional pulse logger).
     */
    static final List<String> MODULES = List.of(
            "java.base",
            "java.compiler",
            "java.desktop",
            "java.logging",
            "java.management",
            "java.naming",
            "java.net.http",
            "java.security.jgss",
            "java.sql",
            "java.xml",
            "jdk.crypto.ec",
            "jdk.httpserver",
            "jdk.localedata",
            "jdk.security.auth",
            "jdk.unsupported",
            "jdk.unsupported.desktop",
            "jdk.zipfs");

    private Jpackage() {}

    /**
     * jlink: a runtime with only {@link #MODULES} (those this JDK has), English and Indonesian
     * locale data, no debug data, headers or man pages, the class files zip-compressed (most
     * classes come from the archive anyway). {@code bin/java} stays: the training run and a start
     * without the archive use it. The JDK's own CDS archive (29 MB for two variants) only where
     * the app's archive is a dynamic one layered on it; an AOT cache holds the JDK's classes too.
     */
    static List<String> jlink(ReleaseJdk jdk, List<String> available, Path output) {
        List<String> modules = MODULES.stream().filter(available::contains).toList();
        List<String> cmd = new ArrayList<>(List.of(
                jdk.tool("jlink").toString(),
                "--add-modules",
                String.join(",", modules),
                "--include-locales=en,id",
                "--strip-debug",
                "--no-header-files",
                "--no-man-pages",
                jdk.feature() >= 21 ? "--compress=zip-6" : "--compress=2",
                "--output",
                output.toString()));
        if (!jdk.hasAotCache()) cmd.add("--generate-cds-archive");
        return cmd;
    }

    /**
     * The launcher's JVM options (decision 0078), measured on the two-core machine under Xvfb:
     *
     * <ul>
     *   <li>SerialGC with a small young generation: a kiosk has one user, young pauses of a few
     *       milliseconds, and G1's own structures cost tens of MB. The heap gives back what the
     *       loading of semantic search left (a full collection then, and no shrinking in steps).
     *   <li>C1 only ({@code TieredStopAtLevel=1}): C2 spent 0.8-1.3 s of CPU in the first seconds,
     *       a third of the start. What it would make faster is not what a kiosk waits on (the
     *       database, the model); the semantic scan of 100,000 int8 vectors takes about twice as
     *       long (about 45 ms to 90 ms), and runs only when keywords fall short.
     *   <li>An 8 MB young generation and 5% of the old one free after a full collection: the
     *       heap is mostly what lives all day (the int8 vectors, the window); the full collection
     *       after semantic search has loaded leaves about 20 MB less resident than with 16 MB and
     *       20%, and the start's CPU did not grow. The old generation still grows as it needs to
     *       without a full collection (Serial expands it when a promotion does not fit).
     *   <li>With an AOT cache, no replay of its training ({@code -XX:-AOTReplayTraining}): the JVM
     *       would use the training's profiles to compile early the methods the recorded start
     *       compiled, semantic search's loading included, on the cores the start needs; C1 compiles what gets hot anyway, and
     *       the start took about 200 ms less CPU.
     * </ul>
     */
    static List<String> javaOptions(ReleaseJdk jdk) {
        List<String> o = new ArrayList<>(List.of(
                "-XX:+UseSerialGC",
                "-Xms32m",
                "-Xmn8m",
                "-Xmx320m",
                "-XX:MinHeapFreeRatio=5",
                "-XX:MaxHeapFreeRatio=5",
                "-XX:-ShrinkHeapInSteps",
                "-XX:TieredStopAtLevel=1"));
        // gives memory malloc holds on to back to the system (onnxruntime frees its load buffers)
        if (jdk.feature() >= 22) o.add("-XX:TrimNativeHeapInterval=2000");
        if (jdk.feature() >= 25) o.add("-XX:+UseCompactObjectHeaders");
        // a diagnostic flag: a JDK without it refuses to start, which the installer's training run shows
        if (jdk.hasAotCache()) o.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTReplayTraining"));
        // onnxruntime and the JavaFX natives load native libraries: say that this is meant
        if (jdk.feature() >= 22) o.add("--enable-native-access=ALL-UNNAMED");
        // JavaFX's Marlin renderer allocates through sun.misc.Unsafe: no warning about it at every start
        if (jdk.feature() >= 23) o.add("--sun-misc-unsafe-memory-access=allow");
        return o;
    }

    /** What every jpackage line says: what to make, its name and version, who makes it, where it goes. */
    private static List<String> jpackage(ReleaseJdk jdk, String type, String name, String version, Path dest) {
        return new ArrayList<>(List.of(
                jdk.tool("jpackage").toString(),
                "--type",
                type,
                "--name",
                name,
                "--app-version",
                version,
                "--vendor",
                VENDOR,
                "--description",
                DESCRIPTION,
                "--dest",
                dest.toString()));
    }

    /** The application image, the base of every installer. */
    static List<String> appImage(ReleaseJdk jdk, Path input, Path runtime, Path dest, String version, Path content) {
        List<String> cmd = jpackage(jdk, "app-image", NAME, version, dest);
        cmd.addAll(List.of(
                "--input",
                input.toString(),
                "--main-jar",
                JAR,
                "--main-class",
                MAIN_CLASS,
                "--runtime-image",
                runtime.toString()));
        for (String option : javaOptions(jdk)) {
            cmd.add("--java-options");
            cmd.add(option);
        }
        if (content != null) {
            cmd.add("--app-content");
            cmd.add(content.toString());
        }
        return cmd;
    }

    /** An installer of {@code type} (deb, msi, dmg) made from the finished, trained image. */
    static List<String> installer(
            ReleaseJdk jdk, String type, AppImage image, Path dest, String version, Path resourceDir) {
        List<String> cmd = jpackage(jdk, type, type.equals("deb") ? PACKAGE_NAME : NAME, version, dest);
        cmd.addAll(List.of("--app-image", image.root().toString()));
        if (resourceDir != null) {
            cmd.add("--resource-dir");
            cmd.add(resourceDir.toString());
        }
        switch (type) {
            case "deb" ->
                cmd.addAll(List.of(
                        "--linux-package-deps", "libgtk-3-0", "--linux-shortcut", "--linux-app-category", "misc"));
            case "msi" ->
                cmd.addAll(List.of(
                        "--win-menu",
                        "--win-menu-group",
                        NAME,
                        "--win-shortcut",
                        "--win-dir-chooser",
                        "--win-upgrade-uuid",
                        WINDOWS_UPGRADE_UUID));
            case "dmg" ->
                cmd.addAll(List.of("--mac-package-identifier", "com.shopassist.app", "--mac-package-name", NAME));
            default -> throw new IllegalArgumentException("unknown installer type " + type);
        }
        return cmd;
    }

    /** Which installers a build on {@code os} can make (jpackage makes those of the OS it runs on). */
    static List<String> nativeTypes(Os os) {
        return switch (os) {
            case LINUX -> List.of("deb");
            case WINDOWS -> List.of("msi");
            case MAC -> List.of("dmg");
        };
    }
}
