package com.shopassist.data.replica;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.money.Money;
import com.shopassist.core.outbox.CartChange;
import com.shopassist.core.outbox.LastKnownCart;
import com.shopassist.core.outbox.OutboxRepository;
import com.shopassist.data.StoreRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk's local database whose files are damaged while cart changes still wait in its outbox: it
 * is rebuilt, and the changes are neither sent nor silently gone. The kiosk says how many there
 * were, and the damaged files are kept for recovery.
 */
class LocalStoreDamageIT {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void aDamagedLocalDatabaseIsKeptWithItsWaitingChangesCountedAndSaidAtStart(@TempDir Path dataDir) throws Exception {
        String productFile;
        try (LocalStore store = LocalStore.open(dataDir)) {
            assertThat(store.damage()).isEmpty();
            OutboxRepository outbox = StoreRepositories.outbox(store.database());
            CartOwner siti = CartOwner.customer(7);
            outbox.append(CartChange.add(siti, 11, 2, Money.of(300_000), NOW), LastKnownCart.empty(siti, NOW));
            outbox.append(CartChange.remove(siti, 12, NOW), LastKnownCart.empty(siti, NOW));
            productFile = query(store, "select pg_relation_filepath('tbl_product')");
        }
        // copies left by earlier damage, oldest first: one held changes, two did not
        Path parent = dataDir.toAbsolutePath();
        brokenCopy(parent, "20000101-000000-001", "waiting=5\n");
        brokenCopy(parent, "20000101-000000-002", "waiting=0\n");
        brokenCopy(parent, "20000101-000000-003", "waiting=0\n");
        // the catalog's file is garbage now: the database starts but cannot be read
        Files.writeString(dataDir.resolve(LocalStore.FOLDER).resolve("pgdata").resolve(productFile), "x".repeat(8192));

        try (LocalStore rebuilt = LocalStore.open(dataDir)) {
            LocalStore.Damage damage = rebuilt.damage().orElseThrow();
            assertThat(damage.waitingChanges()).isEqualTo(2);
            assertThat(damage.line())
                    .contains("2 cart change(s) that waited to reach the store were not sent")
                    .contains(damage.keptIn().toString());
            assertThat(Files.readString(damage.keptIn().resolve(LocalStore.DAMAGE_NOTE)))
                    .startsWith("waiting=2\n");
            assertThat(damage.keptIn().resolve("pgdata").resolve(productFile)).exists();
            assertThat(StoreRepositories.outbox(rebuilt.database()).pendingCount())
                    .isZero();
        }
        try (Stream<Path> s = Files.list(parent)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(LocalStore.BROKEN_PREFIX)))
                    .hasSize(3)
                    .contains(
                            LocalStore.BROKEN_PREFIX + "20000101-000000-001", // held changes: kept
                            LocalStore.BROKEN_PREFIX + "20000101-000000-003") // among the two newest
                    .doesNotContain(LocalStore.BROKEN_PREFIX + "20000101-000000-002");
        }
    }

    private static void brokenCopy(Path parent, String time, String note) throws Exception {
        Path copy = Files.createDirectories(parent.resolve(LocalStore.BROKEN_PREFIX + time));
        Files.writeString(copy.resolve(LocalStore.DAMAGE_NOTE), note);
    }

    private static String query(LocalStore store, String sql) throws Exception {
        try (Connection c = store.database().dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
