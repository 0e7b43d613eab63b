package com.shopassist.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KioskIdTest {

    @TempDir
    Path dataDir;

    private String kept() throws Exception {
        return Files.readString(dataDir.resolve(KioskId.FILE_NAME)).strip();
    }

    @Test
    void aFirstStartMakesTheIdFromTheHostNameAndKeepsItForTheNextStart() throws Exception {
        String id = KioskId.resolve(null, dataDir, () -> "till-3");

        assertThat(id).matches("till-3-[0-9a-f]{6}");
        assertThat(kept()).isEqualTo(id);
        assertThat(KioskId.resolve(null, dataDir, () -> "renamed-host")).isEqualTo(id);
    }

    @Test
    void twoMachinesWithOneHostNameGetTwoIds() {
        assertThat(KioskId.made("till-3")).isNotEqualTo(KioskId.made("till-3"));
    }

    @Test
    void aHostNameIsCleanedToWhatAnIdMayHold() {
        assertThat(KioskId.made("Kasir 3 (lantai 2).toko.local")).matches("Kasir-3-lantai-2-.toko.local-[0-9a-f]{6}");
        assertThat(KioskId.made("-" + "x".repeat(100))).matches("x{57}-[0-9a-f]{6}");
    }

    @Test
    void withoutAHostNameTheIdIsKioskAndTwelveHexDigits() {
        assertThat(KioskId.made(null)).matches("kiosk-[0-9a-f]{12}");
        assertThat(KioskId.made(" ?! ")).matches("kiosk-[0-9a-f]{12}");
    }

    @Test
    void anIdAnEarlierReleaseKeptStaysAsItIs() throws Exception {
        Files.writeString(dataDir.resolve(KioskId.FILE_NAME), "kiosk-0a1b2c3d4e5f\n");

        assertThat(KioskId.resolve(null, dataDir, () -> "till-3")).isEqualTo("kiosk-0a1b2c3d4e5f");
        assertThat(kept()).isEqualTo("kiosk-0a1b2c3d4e5f");
    }

    @Test
    void aDamagedFileIsReplacedByANewId() throws Exception {
        Files.writeString(dataDir.resolve(KioskId.FILE_NAME), "not an id\n");

        String id = KioskId.resolve(null, dataDir, () -> "till-3");

        assertThat(id).matches("till-3-[0-9a-f]{6}");
        assertThat(kept()).isEqualTo(id);
    }

    @Test
    void aConfiguredIdWinsAndNothingIsKept() {
        AppConfig config = AppConfig.of(Map.of("SHOPASSIST_KIOSK_ID", " lobby-1 "), dataDir);

        assertThat(config.kioskId()).isEqualTo("lobby-1");
        assertThat(config.configuredKioskId()).contains("lobby-1");
        assertThat(dataDir.resolve(KioskId.FILE_NAME)).doesNotExist();
    }

    @Test
    void aConfiguredIdThatIsNoIdIsOneErrorNamingTheSetting() {
        AppConfig config = AppConfig.of(Map.of("SHOPASSIST_KIOSK_ID", "lobby 1"), dataDir);

        assertThatThrownBy(config::kioskId)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kiosk.id")
                .hasMessageContaining("'lobby 1'");
        assertThatThrownBy(config::configuredKioskId).isInstanceOf(ConfigException.class);
    }

    @Test
    void withoutAConfiguredIdNothingIsReadFromTheDataFolderUntilTheKioskIdIsAsked() {
        AppConfig config = AppConfig.of(Map.of(), dataDir);

        assertThat(config.configuredKioskId()).isEmpty();
        assertThat(dataDir.resolve(KioskId.FILE_NAME)).doesNotExist();
        assertThat(config.kioskId()).isEqualTo(config.kioskId());
        assertThat(dataDir.resolve(KioskId.FILE_NAME)).exists();
    }
}
