package com.shopassist.data.db;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The versions of the migrations this build carries, read from the names of the files under
 * {@code db/migration} (a jar's central directory or a folder: milliseconds, where Flyway's scan
 * and validation take hundreds). Used to tell whether a database is current without Flyway.
 */
final class PackagedMigrations {

    static final String LOCATION = "db/migration";

    /**
     * The oldest schema this build can serve from (a kiosk role, which never migrates, keeps
     * serving from a schema behind this build only if it has every migration up to this one).
     * Raise it with a migration the code cannot do without: V155 (the kiosk a hold names, written by
     * every add), V157 (cart notices, read with every cart) and V160 (the refusal the one-statement
     * change of a held line raises, named in the statement itself, so it must exist for adding
     * more or setting a quantity to run at all) are on every cart's path.
     */
    static final String OLDEST_SERVABLE = "160";

    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private static volatile Set<String> cached;

    private PackagedMigrations() {}

    /**
     * Normalized versions ("1", "10", "2.1") of the packaged migrations; empty when they cannot be
     * listed or when a kind of migration is present that only Flyway can judge (repeatable "R__"
     * files, whose checksums matter, or anything else it would pick up).
     */
    static Set<String> versions() {
        Set<String> v = cached;
        if (v == null) {
            v = list(PackagedMigrations.class.getClassLoader());
            cached = v;
        }
        return v;
    }

    static Set<String> list(ClassLoader loader) {
        Set<String> versions = new HashSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(LOCATION);
            if (!roots.hasMoreElements()) return Set.of();
            while (roots.hasMoreElements()) {
                List<String> names = names(roots.nextElement());
                if (names == null) return Set.of();
                for (String name : names) {
                    Matcher m = VERSIONED.matcher(name);
                    if (m.matches()) versions.add(normalize(m.group(1)));
                    // anything else there (a repeatable migration, a callback) is Flyway's to judge
                    else if (!name.isEmpty()) return Set.of();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return Collections.unmodifiableSet(versions);
    }

    /** File names directly under the location, or null for a kind of URL not understood here. */
    private static List<String> names(URL root) throws IOException {
        if ("file".equals(root.getProtocol())) {
            Path dir;
            try {
                dir = Path.of(root.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).toList();
            }
        }
        File jar = ZipFileVfs.plainJar(root);
        if (jar == null) return null;
        String prefix = LOCATION + "/";
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                    names.add(name.substring(prefix.length()));
                }
            }
        }
        return names;
    }

    /** Flyway's reading of a version: parts split on '.' or '_', compared as numbers, trailing zeros dropped. */
    static String normalize(String version) {
        String[] parts = version.trim().split("[._]");
        List<BigInteger> numbers = new ArrayList<>();
        for (String p : parts) numbers.add(new BigInteger(p));
        while (numbers.size() > 1 && numbers.get(numbers.size() - 1).signum() == 0) numbers.remove(numbers.size() - 1);
        return String.join(".", numbers.stream().map(BigInteger::toString).toList());
    }

    /**
     * Whether a schema with the {@code applied} versions can be served by a build that carries
     * {@code packaged}: every packaged migration up to {@code oldestServable} is applied.
     */
    static boolean servable(Set<String> applied, Set<String> packaged, String oldestServable) {
        return packaged.stream().filter(v -> compare(v, oldestServable) <= 0).allMatch(applied::contains);
    }

    /**
     * The packaged versions below {@code latest} that are not {@code applied}, lowest first: a store
     * at version 177 that lacks 160 is not "at 177" in any useful sense, and IT needs the number.
     */
    static List<String> gapsBelow(String latest, Set<String> applied, Set<String> packaged) {
        return packaged.stream()
                .filter(v -> compare(v, latest) < 0 && !applied.contains(v))
                .sorted(PackagedMigrations::compare)
                .toList();
    }

    /** "migration 160", "migrations 158, 160", "migrations 150, 151, 152 and 4 more". */
    static String describe(List<String> versions) {
        int shown = Math.min(3, versions.size());
        String list = String.join(", ", versions.subList(0, shown));
        return (versions.size() == 1 ? "migration " : "migrations ")
                + list
                + (versions.size() > shown ? " and " + (versions.size() - shown) + " more" : "");
    }

    /** The highest packaged version, or "?" when the packaged migrations cannot be listed. */
    static String latest() {
        return versions().stream().reduce((a, b) -> compare(a, b) >= 0 ? a : b).orElse("?");
    }

    static String normalizeOrNull(String version) {
        try {
            return version == null ? null : normalize(version);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }
}
