package com.shopassist.installers;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where jpackage puts things in an application image, which differs per OS: the launcher, the
 * folder of the jar and its {@code .cfg} (the launcher's options), and the runtime's {@code java}.
 */
record AppImage(Path root, Os os, String name) {

    enum Os {
        LINUX,
        WINDOWS,
        MAC;

        static Os current() {
            String n = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (n.contains("win")) return WINDOWS;
            if (n.contains("mac")) return MAC;
            return LINUX;
        }
    }

    /** The image jpackage makes under {@code dest} for an app called {@code name}. */
    static AppImage in(Path dest, Os os, String name) {
        return new AppImage(dest.resolve(os == Os.MAC ? name + ".app" : name), os, name);
    }

    Path appDir() {
        return switch (os) {
            case LINUX -> root.resolve("lib/app");
            case WINDOWS -> root.resolve("app");
            case MAC -> root.resolve("Contents/app");
        };
    }

    Path cfg() {
        return appDir().resolve(name + ".cfg");
    }

    Path launcher() {
        return switch (os) {
            case LINUX -> root.resolve("bin").resolve(name);
            case WINDOWS -> root.resolve(name + ".exe");
            case MAC -> root.resolve("Contents/MacOS").resolve(name);
        };
    }

    Path runtimeJava() {
        return switch (os) {
            case LINUX -> root.resolve("lib/runtime/bin/java");
            case WINDOWS -> root.resolve("runtime/bin/java.exe");
            case MAC -> root.resolve("Contents/runtime/Contents/Home/bin/java");
        };
    }
}
