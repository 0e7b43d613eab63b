package com.shopassist.data.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.data.db.Database;
import com.shopassist.data.info.DatabaseCounts;
import com.shopassist.data.info.DbInfoMapper;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

/** The standard demo seed, checked with plain SQL against what the issue promises. */
class SeederIT {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static Database db;
    static Seeder.Report report;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        report = new Seeder(db, Clock.fixed(NOW, ZoneOffset.UTC)).seed(Seeder.STANDARD_CATALOG_SIZE);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void aVacuumThatCannotRunAfterTheSeedLeavesTheSeedStandingAndTheConnectionAsItWas() throws SQLException {
        try (Connection holder = db.dataSource().getConnection();
                Connection seeding = db.dataSource().getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                // what a second vacuum, an index build or a replica refresh would hold
                s.execute("lock table tbl_product in share update exclusive mode");
            }
            seeding.setAutoCommit(false);
            long t0 = System.nanoTime();

            Seeder.tidyUp(seeding); // must neither throw nor wait for the holder

            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(15_000);
            assertThat(seeding.getAutoCommit()).isTrue();
            try (Statement s = seeding.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select current_setting('statement_timeout')," + " current_setting('lock_timeout')")) {
                rs.next();
                try (Statement d = holder.createStatement();
                        ResultSet defaults = d.executeQuery(
                                "select current_setting('statement_timeout')," + " current_setting('lock_timeout')")) {
                    defaults.next();
                    assertThat(rs.getString(1))
                            .as("statement_timeout back to the pool's")
                            .isEqualTo(defaults.getString(1));
                    assertThat(rs.getString(2))
                            .as("lock_timeout back to the pool's")
                            .isEqualTo(defaults.getString(2));
                }
            }
            holder.rollback();
        }
        assertThat(longOf("select count(*) from tbl_product")).isEqualTo(report.products());
    }

    @Test
    void catalogHasAThousandProductsInTwelveCategoriesFromSixtyBrands() {
        DatabaseCounts counts = db.mapper(DbInfoMapper.class).counts();
        assertThat(counts.products()).isGreaterThanOrEqualTo(1_000).isEqualTo(report.products());
        assertThat(counts.categories()).isGreaterThanOrEqualTo(12);
        assertThat(counts.brands()).isGreaterThanOrEqualTo(60);
        assertThat(counts.vouchers()).isGreaterThanOrEqualTo(10);
        assertThat(counts.customers()).isEqualTo(13);
        assertThat(counts.orders()).isEqualTo(report.orders()).isGreaterThan(20);
        assertThat(longOf(
                        "select count(*) from tbl_product_category c where category_name <> 'After the seed' and not exists"
                                + " (select 1 from tbl_product p where p.product_category_id = c.product_category_id)"))
                .as("categories without products")
                .isZero();
    }

    @Test
    void productNamesAreUniqueAndPricesAreWholeRupiahWithVariedStock() {
        assertThat(longOf("select count(*) - count(distinct product_name) from tbl_product"))
                .isZero();
        assertThat(longOf("select count(*) from tbl_product where retail_price <> trunc(retail_price)"
                        + " or retail_price < 1000"))
                .isZero();
        long zero = longOf("select count(*) from tbl_product where stock_quantity = 0");
        long low = longOf("select count(*) from tbl_product where stock_quantity between 1 and low_stock_threshold");
        assertThat(zero).isBetween(30L, 200L);
        assertThat(low).isBetween(50L, 250L);
        assertThat(longOf("select count(*) from tbl_product where length(description) < 80"))
                .isZero();
    }

    @Test
    void vouchersExerciseEveryRule() {
        String now = "timestamptz '" + NOW + "'";
        assertThat(longOf("select count(*) from tbl_voucher where valid_until <= " + now))
                .as("expired")
                .isPositive();
        assertThat(longOf("select count(*) from tbl_voucher where valid_from > " + now))
                .as("not yet valid")
                .isPositive();
        assertThat(longOf("select count(*) from tbl_voucher where used_count = usage_limit"))
                .as("used up")
                .isPositive();
        assertThat(longOf("select count(*) from tbl_voucher where not is_active"))
                .as("inactive")
                .isPositive();
        assertThat(longOf(
                        "select count(*) from tbl_voucher where discount_type = 'PERCENT' and max_discount is not null"
                                + " and is_active and " + now + " between valid_from and valid_until"))
                .as("percent with a cap")
                .isPositive();
        assertThat(longOf("select count(*) from tbl_voucher where discount_type = 'FIXED' and min_purchase > 0"
                        + " and is_active and " + now + " between valid_from and valid_until"))
                .as("fixed with a minimum purchase")
                .isPositive();
    }

    @Test
    void everyCustomerHasRumahAndKantorAndTheDemoPasswordsWork() {
        assertThat(
                        longOf(
                                "select count(*) from tbl_customers c where role = 'CUSTOMER' and 2 > (select count(*) from"
                                        + " tbl_customer_address a where a.customer_id = c.customer_id and a.label in ('Rumah', 'Kantor'))"))
                .isZero();
        assertThat(BCrypt.checkpw(
                        DemoData.CUSTOMER_PASSWORD,
                        stringOf("select password from tbl_customers where email = 'budi@example.com'")))
                .isTrue();
        assertThat(stringOf("select password from tbl_customers where email = 'budi@example.com'"))
                .startsWith("$2a$12$");
        assertThat(BCrypt.checkpw(
                        DemoData.CLERK_PASSWORD, stringOf("select password from tbl_customers where role = 'CLERK'")))
                .isTrue();
    }

    @Test
    void ordersCoverEveryStatusWithConsistentTotalsAndDates() {
        assertThat(longOf("select count(distinct status) from tbl_order")).isEqualTo(5);
        assertThat(longOf("select count(*) from tbl_order o where subtotal <> (select sum(line_subtotal)"
                        + " from tbl_order_items i where i.order_id = o.order_id) or discount_amount <> (select"
                        + " sum(line_discount) from tbl_order_items i where i.order_id = o.order_id)"))
                .isZero();
        assertThat(longOf("select count(*) from tbl_order where voucher_id is not null"))
                .isPositive();
        assertThat(longOf("select count(*) from tbl_order where (status = 'DELIVERED' and (delivered_at is null"
                        + " or shipped_at is null or paid_at is null)) or (status = 'PENDING' and paid_at is not null)"
                        + " or (status = 'CANCELLED' and cancelled_at is null) or created_at > timestamptz '"
                        + NOW + "' or delivered_at > timestamptz '" + NOW + "'"))
                .isZero();
        assertThat(longOf("select count(*) from tbl_order o join tbl_customer_address a on"
                        + " a.customer_address_id = o.shipping_address_id where a.customer_id <> o.customer_id"))
                .isZero();
    }

    @Test
    void stockMovementsAddUpToTheStockOfEveryProduct() {
        assertThat(longOf("select count(*) from tbl_product p where p.stock_quantity <> (select sum(quantity) from"
                        + " tbl_stock_movement m where m.product_id = p.product_id)"))
                .isZero();
        assertThat(longOf("select count(*) from tbl_stock_movement where quantity_after <> quantity_before + quantity"))
                .isZero();
        assertThat(longOf("select count(*) from tbl_stock_movement where movement_type = 'SALE'"))
                .isPositive();
        assertThat(longOf("select count(*) from tbl_stock_movement where movement_type = 'CANCEL_RETURN'"))
                .isPositive();
    }

    @Test
    void sequencesContinueAfterTheSeededIds() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into tbl_product_category(category_name) values ('After the seed')");
        }
        assertThat(longOf(
                        "select product_category_id from tbl_product_category where category_name = 'After the seed'"))
                .isEqualTo(report.categories() + 1);
    }

    @Test
    void seedingTwiceIsRefusedAndTheRunIsRecorded() {
        Seeder seeder = new Seeder(db, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(seeder.isEmpty()).isFalse();
        assertThatThrownBy(() -> seeder.seed(10)).isInstanceOf(IllegalStateException.class);
        SeedRun run = seeder.lastRun();
        assertThat(run.catalogSize()).isEqualTo(Seeder.STANDARD_CATALOG_SIZE);
        assertThat(run.seedVersion()).isEqualTo(Seeder.SEED_VERSION);
        assertThat(run.seededAt()).isEqualTo(NOW);
    }

    @Test
    void theSameSeedGivesTheSameCatalogAndResetEmptiesEverything() {
        List<String> before = products();
        try (Database other = TestDatabase.fresh(2)) {
            Seeder seeder = new Seeder(other, Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC));
            seeder.seed(1_500);
            List<String> again = productsOf(other);
            assertThat(again.subList(0, before.size())).isEqualTo(before);
            seeder.reset();
            assertThat(seeder.isEmpty()).isTrue();
            assertThat(seeder.lastRun()).isNull();
            seeder.seed(50);
            assertThat(other.mapper(DbInfoMapper.class).counts().products()).isEqualTo(50);
        }
    }

    @Test
    void aGeneratedCatalogBeyondTheStandardOneIsStoredInCategoryOrder() {
        try (Database other = TestDatabase.fresh(2)) {
            new Seeder(other, Clock.fixed(NOW, ZoneOffset.UTC)).seed(3_000);
            // each category one run of consecutive rows in the heap, cheapest first within it
            assertThat(longOf(
                            other,
                            "select count(*) from (select product_category_id, lag(product_category_id)"
                                    + " over (order by ctid) as before from tbl_product) r"
                                    + " where before is distinct from product_category_id"))
                    .isEqualTo(longOf(other, "select count(distinct product_category_id) from tbl_product"));
            assertThat(longOf(
                            other,
                            "select count(*) from (select product_category_id, retail_price,"
                                    + " lag(product_category_id) over (order by ctid) as c,"
                                    + " lag(retail_price) over (order by ctid) as p from tbl_product) r"
                                    + " where c = product_category_id and p > retail_price"))
                    .isZero();
            assertThat(longOf(
                            other,
                            "select count(*) from pg_index where indisclustered"
                                    + " and indexrelid = 'ix_product_category_price'::regclass"))
                    .isEqualTo(1);
        }
    }

    @Test
    void theMigrationNamesTheClusteringIndexForCatalogMaintenance() {
        assertThat(longOf("select count(*) from pg_index where indisclustered"
                        + " and indexrelid = 'ix_product_category_price'::regclass"))
                .isEqualTo(1);
    }

    private List<String> products() {
        return productsOf(db);
    }

    private static List<String> productsOf(Database d) {
        List<String> rows = new ArrayList<>();
        try (Connection c = d.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select product_id || '|' || sku || '|' || product_name || '|' ||"
                        + " retail_price || '|' || stock_quantity from tbl_product order by product_id")) {
            while (rs.next()) rows.add(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static long longOf(String sql) {
        return longOf(db, sql);
    }

    private static long longOf(Database d, String sql) {
        try (Connection c = d.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String stringOf(String sql) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
