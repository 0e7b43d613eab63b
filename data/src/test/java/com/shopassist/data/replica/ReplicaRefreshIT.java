package com.shopassist.data.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductEmbeddingRepository.StoredVector;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A refresh of the kiosk's replica on real PostgreSQL: the store database (seeded, 1,200 products)
 * and an empty local one, each a database of its own on the test server.
 */
class ReplicaRefreshIT {

    static final List<String> CUSTOMER_TABLES = List.of(
            "tbl_customers",
            "tbl_customer_session",
            "tbl_customer_address",
            "tbl_cart",
            "tbl_cart_item",
            "tbl_order",
            "tbl_order_items",
            "tbl_checkout_request",
            "aichatbot.chat_session",
            "aichatbot.chat_details");

    MutableClock clock = MutableClock.at("2026-11-25T07:05:00Z");
    Database shared;
    Database local;
    CommerceFixture store;
    CommerceFixture kiosk;
    ReplicaRefresh refresh;

    @BeforeEach
    void up() {
        shared = TestDatabase.freshSeeded(4);
        local = TestDatabase.fresh(4);
        store = new CommerceFixture(shared);
        kiosk = new CommerceFixture(local);
        refresh = new ReplicaRefresh(shared, local, clock);
    }

    @AfterEach
    void down() {
        local.close();
        shared.close();
    }

    @Test
    void aFirstRefreshCopiesTheCatalogAndNoCustomerData() {
        assertThat(store.queryLong("select count(*) from tbl_customers")).isPositive();
        assertThat(store.queryLong("select count(*) from tbl_order")).isPositive();

        ReplicaRefresh.Report r = refresh.run(false);

        assertThat(r.full()).isTrue();
        assertThat(r.products()).isEqualTo(1_200);
        for (String table : List.of("tbl_product", "tbl_product_category", "tbl_voucher")) {
            assertThat(kiosk.queryLong("select count(*) from " + table))
                    .as(table)
                    .isEqualTo(store.queryLong("select count(*) from " + table));
        }
        assertThat(kiosk.queryLong("select count(*) from tbl_search_word"))
                .isEqualTo(store.queryLong("select count(*) from tbl_search_word"));
        for (String table : CUSTOMER_TABLES) {
            assertThat(kiosk.queryLong("select count(*) from " + table))
                    .as(table)
                    .isZero();
        }
        assertThat(kiosk.queryLong("select count(*) from tbl_stock_hold where cart_id is not null"))
                .isZero();
        assertThat(refresh.asOf()).contains(clock.instant());
    }

    @Test
    void theReplicaCopiesNoCustomerTableAndNoColumnThatPointsAtOrNamesAShopper() {
        CustomerData customers = CustomerData.of(shared);
        assertThat(customers.tables())
                .contains(
                        "tbl_customers",
                        "tbl_customer_address",
                        "tbl_customer_session",
                        "tbl_checkout_request",
                        "tbl_cart",
                        "tbl_cart_item",
                        "tbl_order",
                        "tbl_order_items",
                        "aichatbot.chat_session",
                        "aichatbot.chat_details");

        assertThat(customers.in(ReplicatedTable.ALL)).isEmpty();

        // the guard catches a hold copied with its cart, and a customer table added to the list
        ReplicatedTable holdsWithCart = new ReplicatedTable(
                "tbl_stock_hold",
                "hold_id",
                List.of("hold_id", "product_id", "cart_id", "quantity"),
                java.util.Map.of(),
                false,
                false);
        ReplicatedTable addresses = new ReplicatedTable(
                "tbl_customer_address", "address_id", List.of("address_id", "label"), java.util.Map.of(), true, true);
        assertThat(customers.in(List.of(holdsWithCart, addresses)))
                .contains("tbl_stock_hold.cart_id points at tbl_cart", "tbl_customer_address is a customer table");
    }

    @Test
    void aRefreshWritesOnlyTheCatalogsTablesOnTheKiosk() {
        // what the migrations themselves put in (settings rows, say) is there before any refresh
        Map<String, Long> before = rowCounts(kiosk);

        refresh.run(false);

        java.util.Set<String> allowed = new java.util.HashSet<>(
                ReplicatedTable.ALL.stream().map(ReplicatedTable::name).toList());
        allowed.add("tbl_replica_sync");
        Map<String, Long> after = rowCounts(kiosk);
        List<String> written = after.keySet().stream()
                .filter(t -> !after.get(t).equals(before.get(t)))
                .toList();
        assertThat(written)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(allowed).as(t).contains(t));
        // and nothing a migration put in a customer table
        CustomerData customers = CustomerData.of(local);
        assertThat(after.entrySet())
                .filteredOn(e -> customers.tables().contains(e.getKey()))
                .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isZero());
    }

    /** Every table of the schema and its row count. */
    private static Map<String, Long> rowCounts(CommerceFixture db) {
        String tables = db.queryString("""
                select string_agg(case when table_schema = 'public' then table_name
                                       else table_schema || '.' || table_name end, ',')
                from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""");
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : tables.split(",")) counts.put(table, db.queryLong("select count(*) from " + table));
        return counts;
    }

    @Test
    void theReplicaAnswersSearchesAsTheStoreDoes() {
        refresh.run(false);
        CommerceServices online = CommerceServices.create(shared, clock, CommerceSettings.defaults());
        CommerceServices offline = CommerceServices.create(local, clock, CommerceSettings.defaults());
        for (String text : List.of("running shoes", "sneakrs", "rice cooker", "samsung")) {
            assertThat(ids(offline.catalog().search(ProductQuery.text(text)).items()))
                    .as(text)
                    .isEqualTo(
                            ids(online.catalog().search(ProductQuery.text(text)).items()));
        }
        Product any =
                online.catalog().search(ProductQuery.text("shoes")).items().get(0);
        assertThat(offline.catalog().byBarcode(any.barcode())).contains(any);
        assertThat(offline.vouchers().usableNow())
                .extracting(v -> v.code())
                .containsExactlyInAnyOrderElementsOf(online.vouchers().usableNow().stream()
                        .map(v -> v.code())
                        .toList());
    }

    @Test
    void aKioskLoginRoleRefreshesTheSameReplicaAsTheOwnerAndCopiesNoCustomerData() {
        try (TestDatabase.Roles roles = TestDatabase.freshSeededWithKiosk(4);
                Database kioskLocal = TestDatabase.fresh(4)) {
            assertThat(roles.kioskRole()).isTrue();
            CommerceFixture owner = new CommerceFixture(roles.owner());
            CommerceFixture replica = new CommerceFixture(kioskLocal);
            // a live hold of a shopper's cart, taken by the kiosk itself
            CommerceServices.create(roles.kiosk(), clock, CommerceSettings.defaults())
                    .carts()
                    .add(CartOwner.guest("kiosk-role"), 3, 1);
            ReplicaRefresh asKiosk = new ReplicaRefresh(roles.kiosk(), kioskLocal, clock);

            ReplicaRefresh.Report first = asKiosk.run(false);

            assertThat(first.full()).isTrue();
            assertThat(first.liveHolds()).isEqualTo(1);
            for (String table : List.of(
                    "tbl_product", "tbl_product_category", "tbl_voucher", "tbl_search_word", "tbl_product_embedding")) {
                assertThat(replica.queryLong("select count(*) from " + table))
                        .as(table)
                        .isEqualTo(owner.queryLong("select count(*) from " + table));
            }
            for (String table : CUSTOMER_TABLES) {
                assertThat(replica.queryLong("select count(*) from " + table))
                        .as(table)
                        .isZero();
            }
            // the changes only, under the kiosk role's view of the change tracking
            owner.exec("update tbl_product set retail_price = 23456 where product_id = 6");
            ReplicaRefresh.Report next = asKiosk.run(false);
            assertThat(next.full()).isFalse();
            assertThat(next.products()).isEqualTo(1);
            assertThat(replica.queryLong("select retail_price::bigint from tbl_product where product_id = 6"))
                    .isEqualTo(23456);
        }
    }

    @Test
    void aLaterRefreshCopiesOnlyWhatChangedPricesStockHoldsAndProductsTakenOffSale() {
        refresh.run(false);
        CommerceServices online = CommerceServices.create(shared, clock, CommerceSettings.defaults());
        long cheaper = 1, gone = 2, held = 3, restocked = 4;
        store.exec("update tbl_product set retail_price = 12345 where product_id = " + cheaper);
        store.exec("update tbl_product set is_active = false where product_id = " + gone);
        int stockBefore = store.stockOf(restocked);
        online.stock().restock(restocked, 7);
        online.carts().add(CartOwner.guest("kiosk-7"), held, 2);
        clock.advance(Duration.ofMinutes(5));

        ReplicaRefresh.Report r = refresh.run(false);

        assertThat(r.full()).isFalse();
        assertThat(r.products()).isEqualTo(4);
        assertThat(r.categories()).isZero();
        assertThat(r.liveHolds()).isEqualTo(1);
        CommerceServices offline = CommerceServices.create(local, clock, CommerceSettings.defaults());
        assertThat(offline.catalog().product(cheaper).orElseThrow().price().toLong())
                .isEqualTo(12345);
        assertThat(offline.catalog().product(gone)).isEmpty();
        assertThat(offline.stock().stock(restocked).orElseThrow().stockQuantity())
                .isEqualTo(stockBefore + 7);
        assertThat(offline.stock().stock(held).orElseThrow().available())
                .isEqualTo(online.stock().stock(held).orElseThrow().available());
        assertThat(kiosk.reservedOf(held)).isEqualTo(store.reservedOf(held));

        ReplicaRefresh.Report nothing = refresh.run(false);
        assertThat(nothing.products() + nothing.categories() + nothing.vouchers() + nothing.words())
                .isZero();
    }

    @Test
    void heldStockComesBackOfflineWhenTheHoldExpires() {
        CommerceServices online = CommerceServices.create(shared, clock, CommerceSettings.defaults());
        long product = 5;
        online.carts().add(CartOwner.guest("kiosk-1"), product, 3);
        refresh.run(false);
        CommerceServices offline = CommerceServices.create(local, clock, CommerceSettings.defaults());
        int free = offline.stock().stock(product).orElseThrow().available();

        clock.advance(CommerceSettings.defaults().holdDuration().plusMinutes(1));

        assertThat(CommerceServices.create(local, clock, CommerceSettings.defaults())
                        .stock()
                        .stock(product)
                        .orElseThrow()
                        .available())
                .isEqualTo(free + 3);
    }

    @Test
    void deletedRowsGoAndUniqueValuesThatMovedFollowThem() {
        long category = store.category("Replica test", "Uji replika");
        long a = store.product(category, "Replica Mug A", "Acme", 10_000, 5);
        long b = store.product(category, "Replica Mug B", "Acme", 12_000, 5);
        long doomed = store.product(category, "Replica Mug C", "Acme", 9_000, 5);
        store.exec("update tbl_product set barcode = '8990000000017' where product_id = " + a);
        store.exec("update tbl_product set barcode = '8990000000024' where product_id = " + doomed);
        refresh.run(false);

        // the barcode moves from A to B, C is deleted and its barcode and SKU go to a new product
        String doomedSku = store.queryString("select sku from tbl_product where product_id = ?", doomed);
        store.exec("update tbl_product set barcode = null where product_id = " + a);
        store.exec("update tbl_product set barcode = '8990000000017' where product_id = " + b);
        store.exec("delete from tbl_product where product_id = " + doomed);
        long heir = store.product(category, "Replica Mug D", "Acme", 9_500, 5);
        store.exec("update tbl_product set sku = '" + doomedSku + "', barcode = '8990000000024' where product_id = "
                + heir);

        ReplicaRefresh.Report r = refresh.run(false);

        assertThat(r.removed()).isEqualTo(1);
        assertThat(kiosk.queryLong("select count(*) from tbl_product where product_id = ?", doomed))
                .isZero();
        assertThat(kiosk.queryLong("select product_id from tbl_product where barcode = '8990000000017'"))
                .isEqualTo(b);
        assertThat(kiosk.queryLong("select product_id from tbl_product where barcode = '8990000000024'"))
                .isEqualTo(heir);
        assertThat(kiosk.queryLong("select product_id from tbl_product where sku = ?", doomedSku))
                .isEqualTo(heir);
        assertThat(kiosk.queryLong("select count(*) from tbl_product"))
                .isEqualTo(store.queryLong("select count(*) from tbl_product"));
    }

    @Test
    void embeddingsAreCopiedAndFollowTheirProducts() {
        var vectors = List.of(new StoredVector(1, new float[] {1, 0, 0}), new StoredVector(2, new float[] {0, 1, 0}));
        CommerceServices.create(shared).repositories().embeddings().save("test-model", vectors);
        refresh.run(false);
        assertThat(kiosk.queryLong("select count(*) from tbl_product_embedding"))
                .isEqualTo(2);

        CommerceServices.create(shared)
                .repositories()
                .embeddings()
                .save("test-model", List.of(new StoredVector(1, new float[] {0, 0, 1})));
        ReplicaRefresh.Report r = refresh.run(false);

        assertThat(r.embeddings()).isEqualTo(1);
        List<float[]> loaded = new java.util.ArrayList<>();
        CommerceServices.create(local).repositories().embeddings().forEach("test-model", v -> {
            if (v.productId() == 1) loaded.add(v.vector());
        });
        assertThat(loaded).singleElement().satisfies(v -> assertThat(v).containsExactly(0, 0, 1));
    }

    @Test
    void aRefreshThatFailsHalfWayLeavesTheReplicaAsItWas() {
        refresh.run(false);
        store.exec("update tbl_product set retail_price = 777 where product_id in (1, 2, 3)");
        store.exec("update tbl_voucher set description = 'poison' where voucher_id = (select min(voucher_id) from"
                + " tbl_voucher)");
        // the local side refuses the voucher, which is written after the products
        kiosk.exec("create function refuse_poison() returns trigger language plpgsql as $$ begin"
                + " if new.description = 'poison' then raise exception 'refused'; end if; return new; end $$");
        kiosk.exec("create trigger refuse_poison before insert or update on tbl_voucher for each row execute"
                + " function refuse_poison()");

        assertThatThrownBy(() -> refresh.run(false))
                .isInstanceOf(ShopException.class)
                .hasMessageContaining("refused");

        assertThat(kiosk.queryLong("select count(*) from tbl_product where retail_price = 777"))
                .isZero();
        kiosk.exec("drop trigger refuse_poison on tbl_voucher");
        assertThat(refresh.run(false).products()).isEqualTo(3);
        assertThat(kiosk.queryLong("select count(*) from tbl_product where retail_price = 777"))
                .isEqualTo(3);
    }

    @Test
    void aReplicaThatDoesNotMatchIsCopiedAgainWhole() {
        refresh.run(false);
        kiosk.exec("delete from tbl_product_embedding");
        kiosk.exec("delete from tbl_product where product_id = 10");

        ReplicaRefresh.Report r = refresh.run(false);

        assertThat(r.full()).isTrue();
        assertThat(kiosk.queryLong("select count(*) from tbl_product where product_id = 10"))
                .isEqualTo(1);
    }

    @Test
    void aReplicaOfAnotherDatabaseIsReplacedWhole() {
        refresh.run(false);
        Database other = TestDatabase.freshSeeded(2);
        try {
            new CommerceFixture(other).exec("update tbl_product set retail_price = 5 where product_id = 1");
            ReplicaRefresh.Report r = new ReplicaRefresh(other, local, clock).run(false);
            assertThat(r.full()).isTrue();
            assertThat(kiosk.queryLong("select retail_price::bigint from tbl_product where product_id = 1"))
                    .isEqualTo(5);
        } finally {
            other.close();
        }
    }

    @Test
    void aStoreDatabaseWithoutChangeTrackingIsToldToMigrate() {
        store.exec("alter table tbl_search_word drop column change_xid");
        assertThatThrownBy(() -> refresh.run(false))
                .isInstanceOf(ShopException.class)
                .hasMessageContaining("db migrate")
                .extracting(e -> ((ShopException) e).code())
                .isEqualTo("REPLICA_SCHEMA");
        assertThat(refresh.asOf()).isEmpty();
    }

    static List<Long> ids(List<Product> products) {
        return products.stream().map(Product::id).toList();
    }
}
