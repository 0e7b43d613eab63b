package com.shopassist.app.wiring;

import com.shopassist.app.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * This kiosk's id, which the stock holds it takes record (decision 0095): {@code kiosk.id} /
 * {@code SHOPASSIST_KIOSK_ID} when the store names its kiosks, else the id kept in the file
 * {@code kiosk-id} of the data folder, made once at the first start ("kiosk-" and 12 random hex
 * digits). It never changes while the data folder stays, so holds taken before a restart are
 * still this kiosk's after it.
 */
final class KioskId {

    static final String FILE_NAME = "kiosk-id";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KioskId() {}

    /**
     * The configured id if there is one (checked), else the data folder's (made and kept there the
     * first time).
     *
     * @throws ConfigException for a configured id that is not 1-64 letters, digits, '.', '_' or '-'
     */
    static String resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            String id = configured.strip();
            if (!VALID.matcher(id).matches()) {
                throw new ConfigException(
                        "kiosk.id must be 1 to 64 letters, digits, '.', '_' or '-' (got '" + id + "')");
            }
            return id;
        }
        return kept(dataDir);
    }

    private static String kept(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (VALID.matcher(id).matches()) return id;
                // a damaged file: a new id only costs that this kiosk's earlier holds expire on their own
            }
            Files.createDirectories(dataDir);
            String id = "kiosk-" + HexFormat.of().formatHex(randomBytes(6));
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

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
