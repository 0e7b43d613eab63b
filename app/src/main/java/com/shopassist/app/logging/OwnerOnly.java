package com.shopassist.app.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The log folder (rwx------) and the current log file (rw-------) are the app's user's alone,
 * where the file system has POSIX permissions. The folder is what guards the files logback makes
 * later (rolled and compressed ones get the process's umask). Elsewhere (Windows) the folder sits
 * in the user's own profile, which is private already.
 */
public final class OwnerOnly {

    private OwnerOnly() {}

    public static void prepare(Path dir, Path file) {
        try {
            Files.createDirectories(dir);
            if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) return;
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (!Files.exists(file)) Files.createFile(file);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // logback reports what it cannot open; logging must not stop the app from starting
        }
    }
}
