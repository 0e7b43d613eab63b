package com.shopassist.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.ConfigException;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.app.wiring.AppWiring;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.testing.TestDatabase;
import io.micrometer.core.instrument.Meter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk on a store database has one id: its log lines, its meters, its AI spend and the stock
 * holds it takes all name the same one, and a second start of the same data folder keeps it.
 */
class KioskIdentityIT {

    static TestDatabase.Roles store;
    static CommerceFixture owner;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void up() {
        store = TestDatabase.freshSeededWithKiosk(4);
        owner = new CommerceFixture(store.owner());
    }

    @AfterAll
    static void down() {
        store.close();
    }

    private List<String> args() {
        return List.of("--data-dir", dataDir.toString());
    }

    private Map<String, String> env(Map<String, String> more) {
        DbSettings s = store.kiosk().settings();
        Map<String, String> env = new HashMap<>(more);
        env.put("SHOPASSIST_DB_URL", s.jdbcUrl());
        env.put("SHOPASSIST_DB_USER", s.user());
        env.put("SHOPASSIST_DB_PASSWORD", s.password() == null ? "" : s.password());
        env.put("SHOPASSIST_SEMANTIC", "off");
        env.put("SHOPASSIST_REPLICA", "off");
        return env;
    }

    /** The id each part names, after one cart add at a kiosk started with these settings. */
    private Map<String, Object> namedBy(Map<String, String> env) {
        String logged = LoggingSetup.properties(args(), env).get("shopassist.kiosk.id");
        try (AppWiring kiosk = new AppWiring(AppConfig.resolve(GlobalOptions.parse(args()), env), Clock.systemUTC())) {
            long product = owner.queryLong("SELECT product_id FROM tbl_product WHERE is_active"
                    + " AND stock_quantity - reserved_quantity >= 5 ORDER BY random() LIMIT 1");
            String guest = "identity-" + UUID.randomUUID();
            kiosk.services().carts().add(CartOwner.guest(guest), product, 1);
            String held = owner.queryString(
                    "SELECT h.kiosk_id FROM tbl_stock_hold h JOIN tbl_cart c ON c.cart_id = h.cart_id"
                            + " WHERE c.guest_key = ?",
                    guest);
            List<String> metered = kiosk.telemetry().registry().getMeters().stream()
                    .map(Meter::getId)
                    .map(id -> id.getTag("kiosk"))
                    .distinct()
                    .toList();
            return Map.of("log", logged, "meters", metered, "wiring", kiosk.kioskId(), "hold", held);
        }
    }

    @Test
    void theLogTheMetersAndTheHoldsNameOneKioskIdAndASecondStartKeepsIt() throws Exception {
        Map<String, Object> first = namedBy(env(Map.of()));
        String id = (String) first.get("wiring");

        assertThat(id).matches("[A-Za-z0-9][A-Za-z0-9._-]*-[0-9a-f]{6}|kiosk-[0-9a-f]{12}");
        assertThat(first).containsEntry("log", id).containsEntry("hold", id).containsEntry("meters", List.of(id));
        assertThat(Files.readString(dataDir.resolve("kiosk-id")).strip()).isEqualTo(id);

        assertThat(namedBy(env(Map.of())))
                .as("a second start of the same data folder")
                .isEqualTo(first);
    }

    @Test
    void aConfiguredKioskIdIsTheOneEverywhereAndNoFileIsKept() {
        Map<String, Object> named = namedBy(env(Map.of("SHOPASSIST_KIOSK_ID", "till-7")));

        assertThat(named)
                .containsEntry("log", "till-7")
                .containsEntry("wiring", "till-7")
                .containsEntry("hold", "till-7")
                .containsEntry("meters", List.of("till-7"));
        assertThat(dataDir.resolve("kiosk-id")).doesNotExist();
    }

    @Test
    void aConfiguredKioskIdThatIsNoIdStopsTheKioskWithOneLineAndTheLogStillHasItsFolder() {
        Map<String, String> env = env(Map.of("SHOPASSIST_KIOSK_ID", "till 7"));

        assertThat(LoggingSetup.properties(args(), env))
                .containsOnlyKeys("shopassist.log.dir")
                .containsEntry("shopassist.log.dir", dataDir.resolve("logs").toString());
        try (AppWiring kiosk = new AppWiring(AppConfig.resolve(GlobalOptions.parse(args()), env), Clock.systemUTC())) {
            assertThatThrownBy(kiosk::database)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("kiosk.id")
                    .hasMessageNotContaining("\n");
        }
    }
}
