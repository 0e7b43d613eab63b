package com.shopassist.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * This kiosk's one id (decision 0095), named by its log lines, its meters, the store's AI spend
 * ledger, the stock holds it takes and the cart changes it replays: {@code kiosk.id} /
 * {@code SHOPASSIST_KIOSK_ID} when the store names its kiosks, else the id kept in the file
 * {@code kiosk-id} of the data folder. That one is made at the first start from the host name and
 * 6 random hex digits ({@code till-3-4f9a0c}: a person reading a log sees which machine, and two
 * machines cloned from one image with one host name still differ), or "kiosk-" and 12 random hex
 * digits when no host name is known. A file that exists is kept as it is (also one an earlier
 * release made), so the id never changes while the data folder stays: holds taken before a
 * restart are still this kiosk's after it.
 */
final class KioskId {

    static final String FILE_NAME = "kiosk-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KioskId() {}

    /**
     * The configured id, checked; empty when none is configured.
     *
     * @throws ConfigException for an id that is not 1-64 letters, digits, '.', '_' or '-'
     */
    static Optional<String> configured(String configured) {
        if (configured == null || configured.isBlank()) return Optional.empty();
        String id = configured.strip();
        if (!VALID.matcher(id).matches()) {
            throw new ConfigException("kiosk.id must be 1 to 64 letters, digits, '.', '_' or '-' (got '" + id + "')");
        }
        return Optional.of(id);
    }

    /**
     * The configured id if there is one (checked), else the data folder's, made and kept there the
     * first time from {@code hostName} (asked only then; null when unknown).
     *
     * @throws ConfigException for a configured id that is not 1-64 letters, digits, '.', '_' or '-'
     */
    static String resolve(String configured, Path dataDir, Supplier<String> hostName) {
        return configured(configured).orElseGet(() -> kept(dataDir, hostName));
    }

    /** A new id: the host name cleaned to what an id may hold, a dash and 6 random hex digits. */
    static String made(String hostName) {
        String host = hostName == null ? "" : hostName.replaceAll("[^A-Za-z0-9._-]+", "-");
        host = host.replaceAll("^[^A-Za-z0-9]+", ""); // an id starts with a letter or digit
        if (host.length() > 57) host = host.substring(0, 57); // 64 with "-" and the 6 digits
        host = host.replaceAll("[^A-Za-z0-9]+$", "");
        return host.isEmpty() ? "kiosk-" + randomHex(6) : host + "-" + randomHex(3);
    }

    private static String kept(Path dataDir, Supplier<String> hostName) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID.matcher(id).matches()) return id;
                // a damaged file: a new id only costs that this kiosk's earlier holds expire on their own
            }
            Files.createDirectories(dataDir);
            String id = made(hostName.get());
            Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            Files.writeString(tmp, id + System.lineSeparator(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the kiosk id in " + file, e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
