package com.shopassist.data.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.replica.StoreStatus.Source;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.StoreRepositories;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbSettings;
import com.shopassist.data.testing.Eventually;
import com.shopassist.data.testing.StoppableStore;
import com.shopassist.data.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk on a store database of its own real server, stopped and started by the tests, and
 * behind a proxy that can drop the network silently; its replica is a database on the test server.
 */
class StoreSwitchIT {

    static final Duration SWITCH_AFTER = Duration.ofMillis(1_500);
    static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    static Path folder;

    static StoppableStore store;
    static Database shared;
    static Database local;
    static StoreSwitch kiosk;
    static CommerceServices services;
    static final List<Source> heard = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void up() {
        store = StoppableStore.seeded(folder.resolve("store"), 1_200, true);
        shared = Database.open(store.settings(), 4, Database.Mappers::parse, Duration.ofSeconds(2));
        local = TestDatabase.fresh(4);
        ReplicaRefresh.Report first = new ReplicaRefresh(shared, local, CLOCK).run(false);
        kiosk = new StoreSwitch(shared, SWITCH_AFTER, Duration.ofMillis(200));
        kiosk.addListener(heard::add);
        kiosk.replicaReady(StoreRepositories.over(local, CLOCK).replicaPorts(), first.asOf());
        services = CommerceServices.over(StoreRepositories.withReplica(shared, CLOCK, kiosk), CLOCK, null);
    }

    @AfterAll
    static void down() {
        kiosk.close();
        shared.close();
        local.close();
        store.close();
    }

    @BeforeEach
    void sharedAnswers() {
        store.start();
        store.proxy().restore();
        waitUntil("back on the store database", () -> kiosk.probeShared());
        // a test that stopped the server left the pool's connections dead: start each test on live ones
        shared.dropConnections();
        waitUntil("a live connection", () -> shared.answers(Duration.ofSeconds(2)));
        services.stock().movements(1, 1);
        heard.clear();
    }

    @Test
    void theFirstSearchAfterTheStoreServerStopsIsAnsweredFromTheReplica() {
        long product = anyProduct("kettle");
        long priceBefore = priceOf(product);
        onStore("update tbl_product set retail_price = 4321 where product_id = " + product);
        assertThat(kiosk.source()).isEqualTo(Source.SHARED);

        store.stop();
        long t0 = System.nanoTime();
        List<Product> found =
                services.catalog().search(ProductQuery.text("electric kettle")).items();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(found).isNotEmpty();
        assertThat(kiosk.source()).isEqualTo(Source.LOCAL);
        assertThat(heard).containsExactly(Source.LOCAL);
        // a stopped server resets its connections: no deadline is waited for (the bound leaves room
        // for a loaded machine; a read that waited for the pool or the socket would take 2 s or 45 s)
        assertThat(tookMs).isLessThan(SWITCH_AFTER.toMillis() + 3_000);
        // the replica's price: the change made after its refresh is not in it
        assertThat(services.catalog().product(product).orElseThrow().price().toLong())
                .isEqualTo(priceBefore);
    }

    @Test
    void aNetworkThatDropsSilentlyIsAnsweredFromTheReplicaAfterTheDeadline() {
        store.proxy().cut();
        long t0 = System.nanoTime();
        List<Product> found =
                services.catalog().search(ProductQuery.text("running shoes")).items();
        long tookMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(found).isNotEmpty();
        assertThat(kiosk.source()).isEqualTo(Source.LOCAL);
        assertThat(tookMs).isBetween(SWITCH_AFTER.toMillis() - 50, SWITCH_AFTER.toMillis() + 3_000);

        // once local, nothing waits for the network: browse, stock, a barcode, vouchers
        long t1 = System.nanoTime();
        Product p = found.get(0);
        assertThat(services.catalog().byBarcode(p.barcode())).isPresent();
        assertThat(services.stock().stock(p.id())).isPresent();
        assertThat(services.vouchers().usableNow()).isNotEmpty();
        assertThat(services.catalog().categories()).isNotEmpty();
        // four reads that each waited for the network would take four deadlines (6 s)
        assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(3 * SWITCH_AFTER.toMillis());
    }

    @Test
    void whileLocalTheStoreDatabaseRefusesAtOnceInsteadOfWaiting() {
        store.proxy().cut();
        services.catalog().search(ProductQuery.text("blender"));
        assertThat(kiosk.source()).isEqualTo(Source.LOCAL);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> services.carts().add(CartOwner.guest("kiosk-switch"), 1, 1))
                .isInstanceOf(DataUnavailableException.class);
        assertThatThrownBy(() -> services.customers().lookup("budi", 5)).isInstanceOf(DataUnavailableException.class);
        // each call waiting for a connection would take the pool's 2 s
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void theKioskGoesBackToTheStoreDatabaseByItselfWhenItAnswersAgain() {
        long product = anyProduct("rice cooker");
        store.stop();
        services.catalog().search(ProductQuery.text("rice cooker keep warm"));
        assertThat(kiosk.source()).isEqualTo(Source.LOCAL);

        store.start();
        onStore("update tbl_product set retail_price = 98765 where product_id = " + product);
        waitUntil("the kiosk noticed, and told", () -> heard.size() == 2);

        assertThat(heard).containsExactly(Source.LOCAL, Source.SHARED);
        // a name not asked before: the store database's answer, not a cached one
        String name = onStore("select product_name from tbl_product where product_id = " + product);
        assertThat(services.catalog().findByName(name, 3))
                .filteredOn(p -> p.id() == product)
                .singleElement()
                .satisfies(p -> assertThat(p.price().toLong()).isEqualTo(98765));
        assertThat(services.carts()
                        .add(CartOwner.guest("kiosk-back"), product, 1)
                        .lines())
                .hasSize(1);
    }

    @Test
    void aReadInsideATransactionOfTheStoreDatabaseIsNeverAnsweredByTheReplica() {
        store.stop();
        assertThatThrownBy(() -> services.transactions()
                        .inTransaction(() -> services.catalog().search(ProductQuery.text("sandals"))))
                .isInstanceOf(DataUnavailableException.class);
    }

    @Test
    void aKioskWhoseReplicaWasNeverRefreshedStaysOnTheStoreDatabase() {
        try (StoreSwitch fresh = new StoreSwitch(shared, SWITCH_AFTER, Duration.ofMillis(200))) {
            CommerceServices noReplica =
                    CommerceServices.over(StoreRepositories.withReplica(shared, CLOCK, fresh), CLOCK, null);
            store.stop();
            assertThatThrownBy(() -> noReplica.catalog().search(ProductQuery.text("tent")))
                    .isInstanceOf(DataUnavailableException.class);
            assertThat(fresh.source()).isEqualTo(Source.SHARED);
        } finally {
            // the watch of the shared database is the class switch's again
            shared.watch(() -> kiosk.source() == Source.LOCAL, kiosk::sharedUnreachable);
        }
    }

    @Test
    void aRefreshCutByTheStoreServerStoppingLeavesTheReplicaAsItWas() throws Exception {
        ReplicaRefresh refresh = new ReplicaRefresh(shared, local, CLOCK);
        refresh.run(false);
        onStore("update tbl_product set retail_price = retail_price + 1");
        onStore("update tbl_voucher set description = description || ' (new)'");
        CommerceFixture kioskSide = new CommerceFixture(local);
        String before = kioskSide.queryString("select sum(retail_price)::text from tbl_product");

        CompletableFuture<ReplicaRefresh.Report> running;
        try (Connection blocker = local.dataSource().getConnection()) {
            // the refresh stops at the vouchers, after it has merged every product, until the server is gone
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("lock table tbl_voucher in access exclusive mode");
            }
            running = CompletableFuture.supplyAsync(() -> refresh.run(false));
            waitUntil(
                    "the refresh is waiting at the vouchers",
                    () -> "Lock"
                            .equals(kioskSide.queryString(
                                    "select wait_event_type from pg_stat_activity where query like '%tbl_voucher%'"
                                            + " and wait_event_type = 'Lock' limit 1")));
            store.stop();
            blocker.rollback();
        }

        assertThatThrownBy(running::join).hasCauseInstanceOf(DataUnavailableException.class);
        assertThat(kioskSide.queryString("select sum(retail_price)::text from tbl_product"))
                .isEqualTo(before);
        assertThat(kioskSide.queryLong("select count(*) from tbl_voucher where description like '%(new)'"))
                .isZero();

        store.start();
        waitUntil("the store answers", () -> shared.answers(Duration.ofSeconds(2)));
        shared.dropConnections();
        assertThat(refresh.run(false).products()).isEqualTo(1_200);
        assertThat(kioskSide.queryString("select sum(retail_price)::text from tbl_product"))
                .isEqualTo(onStore("select sum(retail_price)::text from tbl_product"));
    }

    private static long anyProduct(String text) {
        return services.catalog().search(ProductQuery.text(text)).items().get(0).id();
    }

    private static long priceOf(long product) {
        return Long.parseLong(onStore("select retail_price::bigint from tbl_product where product_id = " + product));
    }

    /** One statement straight to the store server on a connection of its own (never the kiosk's pool). */
    static String onStore(String sql) {
        DbSettings s = store.directSettings();
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            if (!st.execute(sql)) return null;
            try (ResultSet rs = st.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        Eventually.waitUntil(what, Duration.ofSeconds(20), condition);
    }
}
