package com.shopassist.app.wiring;

import static com.shopassist.app.wiring.KioskReplicaIT.count;
import static com.shopassist.app.wiring.KioskReplicaIT.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopassist.app.cli.ChatCommand;
import com.shopassist.app.config.AppConfig;
import com.shopassist.app.config.GlobalOptions;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.replica.StoreStatus.Source;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.testing.StoppableStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cart outbox of a kiosk on a store database, through the composition root as a kiosk runs:
 * it lives in the same local database as the catalog replica and follows the replica's switch
 * (one local database, one StoreStatus), whose server the tests stop and start.
 */
class KioskOutboxIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;

    @TempDir
    Path dataDir;

    static StoppableStore store;
    static DbSettings settings; // the same after a restart (the server keeps its port)
    static long product;

    @BeforeAll
    static void up() throws Exception {
        store = StoppableStore.seeded(folder.resolve("store"), 1_200, false);
        settings = store.settings();
        try (Database owner = Database.open(settings, 1);
                Connection c = owner.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select product_id from tbl_product where is_active"
                        + " and stock_quantity - reserved_quantity >= 10 order by product_id limit 1")) {
            rs.next();
            product = rs.getLong(1);
        }
    }

    @AfterAll
    static void down() {
        store.close();
    }

    @BeforeEach
    void storeRuns() {
        store.start();
    }

    AppWiring kiosk() {
        DbSettings s = settings;
        Map<String, String> env = new HashMap<>();
        env.put("SHOPASSIST_DB_URL", s.jdbcUrl());
        env.put("SHOPASSIST_DB_USER", s.user());
        env.put("SHOPASSIST_DB_PASSWORD", s.password());
        env.put("SHOPASSIST_SEMANTIC", "off");
        env.put("SHOPASSIST_REPLICA_PROBE_SECONDS", "1");
        return new AppWiring(
                AppConfig.resolve(GlobalOptions.parse(List.of("--data-dir", dataDir.toString())), env),
                Clock.systemUTC());
    }

    static int quantity(Cart cart, long productId) {
        return cart.lines().stream()
                .filter(l -> l.productId() == productId)
                .mapToInt(CartLine::quantity)
                .sum();
    }

    static long waitingIn(Database local) throws Exception {
        return count(local, "select count(*) from tbl_cart_outbox where done_at is null");
    }

    static JsonNode json(AppWiring app) throws Exception {
        AssistantReply reply = new AssistantReply("ok", "en", List.of(), null, null, List.of(), "offline", List.of());
        return JSON.readTree(ChatCommand.toJson(reply, app.storeStatus().source(), app.outboxWaiting()));
    }

    @Test
    void aCartChangeAfterTheCutWaitsInTheReplicasDatabaseAndReachesTheStoreOnceWhenItIsBack() throws Exception {
        CartOwner guest = CartOwner.guest("outbox-it-" + UUID.randomUUID());
        try (AppWiring app = kiosk()) {
            app.services(); // as a kiosk starts: the replica refreshes, the outbox is ready
            waitUntil("the first refresh", () -> app.storeStatus().replicaAsOf().isPresent());
            Database local = app.localStore().orElseThrow();
            assertThat(app.outbox()).isPresent();
            var carts = app.services().carts();
            assertThat(quantity(carts.add(guest, product, 1), product)).isEqualTo(1); // at the store

            store.stop();
            Cart seen = carts.add(guest, product, 2); // met the cut: queued, not an error

            assertThat(quantity(seen, product)).isEqualTo(3);
            assertThat(waitingIn(local)).as("in the replica's own database").isEqualTo(1);
            assertThat(app.outboxWaiting()).isEqualTo(1);
            waitUntil("the replica answers", () -> app.storeStatus().source() == Source.LOCAL);
            JsonNode reply = json(app);
            assertThat(reply.get("store").asText()).isEqualTo("local");
            assertThat(reply.get("outbox").asInt()).isEqualTo(1);
            assertThat(quantity(carts.add(guest, product, 1), product)).isEqualTo(4);
            assertThat(waitingIn(local)).isEqualTo(2);

            store.start(); // the switch goes back by itself, and the outbox follows it
            waitUntil("replayed", () -> app.outboxWaiting() == 0);

            assertThat(app.storeStatus().source()).isEqualTo(Source.SHARED);
            assertThat(json(app).get("outbox").asInt()).isZero();
            assertThat(quantity(carts.cart(guest), product)).isEqualTo(4);
            try (Database owner = Database.open(settings, 1)) {
                assertThat(count(
                                owner,
                                "select coalesce(sum(h.quantity), 0) from tbl_stock_hold h join tbl_cart c"
                                        + " using (cart_id) where c.guest_key = '" + guest.guestKey() + "'"))
                        .as("held once, not doubled")
                        .isEqualTo(4);
            }
        }
    }

    @Test
    void changesStillWaitingWhenTheKioskIsRestartedDuringTheOutageAreShownAndReplayedOnce() throws Exception {
        CartOwner guest = CartOwner.guest("outbox-restart-" + UUID.randomUUID());
        try (AppWiring app = kiosk()) {
            app.services(); // as a kiosk starts: the replica refreshes, the outbox is ready
            waitUntil("the first refresh", () -> app.storeStatus().replicaAsOf().isPresent());
            store.stop();
            app.services().carts().add(guest, product, 2);
            assertThat(app.outboxWaiting()).isEqualTo(1);
        }

        try (AppWiring app = kiosk()) { // starts during the outage, on the replica
            assertThat(app.outboxWaiting()).isEqualTo(1);
            assertThat(quantity(app.services().carts().cart(guest), product)).isEqualTo(2);
            waitUntil("the replica answers", () -> app.storeStatus().source() == Source.LOCAL);

            store.start();
            waitUntil("replayed", () -> app.outboxWaiting() == 0);
            assertThat(quantity(app.services().carts().cart(guest), product)).isEqualTo(2);
        }
    }
}
