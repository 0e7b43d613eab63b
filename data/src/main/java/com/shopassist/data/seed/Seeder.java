package com.shopassist.data.seed;

import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import com.shopassist.data.seed.CatalogVocabulary.Category;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty store database with the demo: the generated catalog (COPY, so 1,000,000 products
 * take about a minute), vouchers that exercise every rule, demo customers with "Rumah" and "Kantor"
 * addresses, a clerk, and past orders in every status with matching stock movements. All of it in one
 * transaction: a failure leaves the database as it was.
 */
public final class Seeder {

    /** Products in the standard demo catalog ({@code db seed} without {@code --catalog-size}). */
    public static final int STANDARD_CATALOG_SIZE = 1_200;
    /** Bumped whenever the generated data changes. */
    public static final int SEED_VERSION = 2;
    /** Above this size the product indexes are dropped during COPY and built afterwards (faster). */
    static final int REBUILD_INDEXES_ABOVE = 50_000;

    private static final Logger LOG = LoggerFactory.getLogger(Seeder.class);

    private final Database db;
    private final Clock clock;
    private final CatalogGenerator generator;
    private final boolean demoClerk;

    public Seeder(Database db, Clock clock) {
        this(db, clock, true);
    }

    /**
     * {@code demoClerk} false leaves out the demo clerk, whose password is published: a store's
     * shared database gets its clerks from {@code db add-clerk} only.
     */
    public Seeder(Database db, Clock clock, boolean demoClerk) {
        this.db = db;
        this.clock = clock;
        this.generator = new CatalogGenerator(CatalogVocabulary.load());
        this.demoClerk = demoClerk;
    }

    /** What was written. */
    public record Report(
            int products, int categories, int brands, int vouchers, int customers, int orders, Duration took) {}

    /** True when none of the tables a seed fills holds a row. */
    public boolean isEmpty() {
        return db.mapper(SeedRunMapper.class).nonEmptyShopTables() == 0;
    }

    /** The last seed run, if this database was seeded. */
    public SeedRun lastRun() {
        return db.mapper(SeedRunMapper.class).latest();
    }

    /**
     * Seeds an empty database with a catalog of {@code catalogSize} products.
     *
     * @throws IllegalStateException when the database already holds shop data
     */
    public Report seed(int catalogSize) {
        if (catalogSize < 1) throw new IllegalArgumentException("the catalog needs at least one product");
        long t0 = System.nanoTime();
        Instant now = clock.instant();
        try (Connection c = db.dataSource().getConnection()) {
            c.setNetworkTimeout(Runnable::run, 0); // a bulk load's statements may run for minutes
            c.setAutoCommit(false);
            try {
                // one seeder at a time, even across kiosks starting together on a shared database
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_xact_lock(7263001)");
                    s.execute("set local maintenance_work_mem = '256MB'");
                    // the pool's server-side limits are for a shopper's statements, not a bulk load
                    s.execute("set local statement_timeout = 0");
                    s.execute("set local lock_timeout = 0");
                    s.execute("set local idle_in_transaction_session_timeout = 0");
                }
                if (!isEmpty(c)) {
                    throw new IllegalStateException("the database already holds shop data");
                }
                List<SeedProduct> orderable = new ArrayList<>();
                Iterator<SeedProduct> head = generator.products(Math.min(catalogSize, STANDARD_CATALOG_SIZE));
                head.forEachRemaining(orderable::add);
                DemoData demo = new DemoData(now, orderable);

                insertCategories(c);
                List<String> droppedIndexes = catalogSize > REBUILD_INDEXES_ABOVE ? dropProductIndexes(c) : List.of();
                Set<String> brands = copyProducts(c, catalogSize, now, demo);
                if (catalogSize > STANDARD_CATALOG_SIZE) {
                    // a bulk load: rows in category order, as CLUSTER after an import leaves them
                    // (decision 0016); the other dropped indexes are built once, after it
                    recreate(
                            c,
                            droppedIndexes.stream()
                                    .filter(Seeder::isClusterIndex)
                                    .toList());
                    clusterByCategory(c);
                    recreate(
                            c,
                            droppedIndexes.stream()
                                    .filter(d -> !isClusterIndex(d))
                                    .toList());
                } else {
                    recreate(c, droppedIndexes);
                }
                int customers = insertCustomers(c, demo, demoClerk);
                insertVouchers(c, demo);
                insertOrders(c, demo);
                copyMovements(c, catalogSize, demo);
                resetSequences(c);
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into tbl_seed_run (seed_version, catalog_size, seeded_at, took_ms) values (?,?,?,?)")) {
                    ps.setInt(1, SEED_VERSION);
                    ps.setInt(2, catalogSize);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setLong(4, tookMs);
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    // a commit the server has flushed: where the server runs synchronous_commit off
                    // (tests, scratch copies, a store that turned it off) the vacuum below could not
                    // yet mark the new rows visible to everyone
                    s.execute("set local synchronous_commit = on");
                }
                c.commit();
                tidyUp(c);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                LOG.info("seeded {} products in {} ms", catalogSize, took.toMillis());
                return new Report(
                        catalogSize,
                        generator.vocabulary().categories().size(),
                        brands.size(),
                        demo.vouchers().size(),
                        customers,
                        demo.orders().size(),
                        took);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataUnavailableException("Seeding failed: " + DbErrors.describe(db.settings(), e), e);
        }
    }

    /**
     * After the seed has committed, best effort: marks the new catalog all-visible, so the filter
     * lists read when the window opens (category counts, brands) are index-only scans, not reads of
     * the whole product table (decision 0103), and refreshes the statistics. The seed stands
     * whatever happens here: a table another session holds, or a lost connection, leaves the work
     * to autovacuum, with a warning.
     */
    static void tidyUp(Connection c) {
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("set statement_timeout = 0"); // the vacuum of a large catalog takes its time
            s.execute("set lock_timeout = '5s'"); // but never waits long for a busy table
            try {
                s.execute("vacuum (analyze) tbl_product");
                s.execute("analyze");
            } finally {
                s.execute("reset statement_timeout");
                s.execute("reset lock_timeout");
            }
        } catch (SQLException e) {
            LOG.warn(
                    "seeded; the catalog's vacuum and statistics did not finish ({}): autovacuum will do them",
                    DbErrors.firstLine(e));
        }
    }

    /**
     * Empties every table of the store (public and aichatbot schemas, all but Flyway's history):
     * products, customers, orders, carts, chat history. Ids start again at 1.
     */
    public void reset() {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                    + " from information_schema.tables where table_type = 'BASE TABLE'"
                    + " and table_schema in ('public', 'aichatbot') and table_name <> 'flyway_schema_history'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            if (!tables.isEmpty()) {
                // names come from the catalog of this database, quoted by quote_ident
                s.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
        } catch (SQLException e) {
            throw new DataUnavailableException("Reset failed: " + DbErrors.describe(db.settings(), e), e);
        }
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select exists(select 1 from tbl_product) or exists(select 1 from"
                        + " tbl_product_category) or exists(select 1 from tbl_voucher) or exists(select 1 from"
                        + " tbl_customers) or exists(select 1 from tbl_order)")) {
            rs.next();
            return !rs.getBoolean(1);
        }
    }

    private void insertCategories(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into tbl_product_category"
                + " (product_category_id, category_name, category_name_id, description) values (?,?,?,?)")) {
            List<Category> cats = generator.vocabulary().categories();
            for (int i = 0; i < cats.size(); i++) {
                ps.setLong(1, i + 1);
                ps.setString(2, cats.get(i).name());
                ps.setString(3, cats.get(i).nameId());
                ps.setString(4, cats.get(i).description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private Set<String> copyProducts(Connection c, int count, Instant now, DemoData demo) throws SQLException {
        Set<String> brands = new LinkedHashSet<>();
        String sql = "copy tbl_product (product_id, product_category_id, sku, barcode, product_name, product_brand,"
                + " retail_price, department, description, stock_quantity, reserved_quantity, low_stock_threshold,"
                + " is_active, created_at, updated_at) from stdin with (format csv)";
        try (CopyWriter w = new CopyWriter(c, sql)) {
            Iterator<SeedProduct> it = generator.products(count);
            while (it.hasNext()) {
                SeedProduct p = it.next();
                brands.add(p.brand());
                // newer products have newer timestamps: "newest first" sorts are meaningful
                Instant created = now.minus(Duration.ofMinutes(count - p.id() + 60L * 24 * 30));
                w.field(p.id())
                        .field(p.categoryIndex() + 1)
                        .text(p.sku())
                        .text(p.barcode())
                        .text(p.name())
                        .text(p.brand())
                        .field(p.price())
                        .text(p.department())
                        .text(p.description())
                        .field(demo.stockNow().getOrDefault(p.id(), p.stock()))
                        .field(0)
                        .field(p.lowStockThreshold())
                        .raw("t")
                        .text(created.toString())
                        .text(created.toString())
                        .endRow();
            }
        }
        return brands;
    }

    private void copyMovements(Connection c, int count, DemoData demo) throws SQLException {
        Instant restockAt = demo.now().minus(Duration.ofDays(120));
        Map<Long, Integer> running = new HashMap<>(demo.restock());
        String sql = "copy tbl_stock_movement (product_id, movement_type, quantity, quantity_before, quantity_after,"
                + " reference_type, reference_id, created_at) from stdin with (format csv)";
        try (CopyWriter w = new CopyWriter(c, sql)) {
            Iterator<SeedProduct> it = generator.products(count);
            while (it.hasNext()) {
                SeedProduct p = it.next();
                int initial = demo.restock().getOrDefault(p.id(), p.stock());
                w.field(p.id())
                        .raw("RESTOCK")
                        .field(initial)
                        .field(0)
                        .field(initial)
                        .raw("SEED")
                        .nul()
                        .text(restockAt.toString())
                        .endRow();
            }
            for (DemoData.Movement m : demo.movements()) {
                int before = running.get(m.productId());
                movement(w, m.productId(), m.type(), m.delta(), before, m.orderId(), m.at());
                running.put(m.productId(), before + m.delta());
            }
        }
    }

    private static void movement(
            CopyWriter w, long productId, String type, int delta, int before, long orderId, Instant at)
            throws SQLException {
        w.field(productId)
                .raw(type)
                .field(delta)
                .field(before)
                .field(before + delta)
                .raw("ORDER")
                .text(String.valueOf(orderId))
                .text(at.toString())
                .endRow();
    }

    private static int insertCustomers(Connection c, DemoData demo, boolean demoClerk) throws SQLException {
        int inserted = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into tbl_customers (customer_id, full_name, email,"
                        + " password, age, gender, phone, role, tier, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)")) {
            Timestamp joined = Timestamp.from(demo.now().minus(Duration.ofDays(400)));
            for (DemoData.Customer cu : demo.customers()) {
                if (!demoClerk && cu.role().equals("CLERK")) continue;
                inserted++;
                ps.setLong(1, cu.id());
                ps.setString(2, cu.fullName());
                ps.setString(3, cu.email());
                ps.setString(
                        4, cu.role().equals("CLERK") ? DemoData.CLERK_PASSWORD_HASH : DemoData.CUSTOMER_PASSWORD_HASH);
                ps.setInt(5, cu.age());
                ps.setString(6, cu.gender());
                ps.setString(7, cu.phone());
                ps.setString(8, cu.role());
                ps.setString(9, cu.tier());
                ps.setTimestamp(10, joined);
                ps.setTimestamp(11, joined);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into tbl_customer_address (customer_address_id,"
                + " customer_id, label, recipient_name, phone, street_address, city, state, postal_code, country,"
                + " lat, lng, is_default) values (?,?,?,?,?,?,?,?,?,'Indonesia',?,?,?)")) {
            for (DemoData.Address a : demo.addresses()) {
                ps.setLong(1, a.id());
                ps.setLong(2, a.customerId());
                ps.setString(3, a.label());
                ps.setString(4, a.recipient());
                ps.setString(5, a.phone());
                ps.setString(6, a.street());
                ps.setString(7, a.city());
                ps.setString(8, a.state());
                ps.setString(9, a.postalCode());
                ps.setBigDecimal(10, a.lat());
                ps.setBigDecimal(11, a.lng());
                ps.setBoolean(12, a.isDefault());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return inserted;
    }

    private static void insertVouchers(Connection c, DemoData demo) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into tbl_voucher (voucher_id, voucher_code,"
                + " description, discount_type, discount_value, min_purchase, max_discount, usage_limit, used_count,"
                + " valid_from, valid_until, is_active) values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (DemoData.Voucher v : demo.vouchers()) {
                ps.setLong(1, v.id());
                ps.setString(2, v.code());
                ps.setString(3, v.description());
                ps.setString(4, v.type());
                ps.setLong(5, v.value());
                ps.setLong(6, v.minPurchase());
                if (v.maxDiscount() == null) ps.setNull(7, Types.NUMERIC);
                else ps.setLong(7, v.maxDiscount());
                if (v.usageLimit() == null) ps.setNull(8, Types.INTEGER);
                else ps.setInt(8, v.usageLimit());
                ps.setInt(9, v.usedCount());
                ps.setTimestamp(10, Timestamp.from(v.validFrom()));
                ps.setTimestamp(11, Timestamp.from(v.validUntil()));
                ps.setBoolean(12, v.active());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertOrders(Connection c, DemoData demo) throws SQLException {
        try (PreparedStatement po = c.prepareStatement("insert into tbl_order (order_id, order_number, customer_id,"
                        + " voucher_id, shipping_address_id, shipping_address_text, status, subtotal,"
                        + " discount_amount, total_amount, created_at, paid_at, shipped_at, delivered_at,"
                        + " cancelled_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement pi = c.prepareStatement("insert into tbl_order_items (order_item_id, order_id,"
                        + " customer_id, product_id, product_name, quantity, unit_price, line_subtotal,"
                        + " line_discount, line_total) values (?,?,?,?,?,?,?,?,?,?)")) {
            for (DemoData.Order o : demo.orders()) {
                po.setLong(1, o.id());
                po.setString(2, o.orderNumber());
                po.setLong(3, o.customerId());
                if (o.voucherId() == null) po.setNull(4, Types.BIGINT);
                else po.setLong(4, o.voucherId());
                po.setLong(5, o.address().id());
                po.setString(6, o.address().text());
                po.setString(7, o.status());
                po.setLong(8, o.subtotal());
                po.setLong(9, o.discount());
                po.setLong(10, o.total());
                po.setTimestamp(11, Timestamp.from(o.createdAt()));
                po.setTimestamp(12, ts(o.paidAt()));
                po.setTimestamp(13, ts(o.shippedAt()));
                po.setTimestamp(14, ts(o.deliveredAt()));
                po.setTimestamp(15, ts(o.cancelledAt()));
                po.addBatch();
                for (DemoData.OrderLine l : o.lines()) {
                    pi.setLong(1, l.id());
                    pi.setLong(2, o.id());
                    pi.setLong(3, o.customerId());
                    pi.setLong(4, l.productId());
                    pi.setString(5, l.productName());
                    pi.setInt(6, l.quantity());
                    pi.setLong(7, l.unitPrice());
                    pi.setLong(8, l.lineSubtotal());
                    pi.setLong(9, l.lineDiscount());
                    pi.setLong(10, l.lineTotal());
                    pi.addBatch();
                }
            }
            po.executeBatch();
            pi.executeBatch();
        }
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    /** Rows were written with explicit ids: move each sequence past them. */
    private static void resetSequences(Connection c) throws SQLException {
        String[][] serials = {
            {"tbl_product_category", "product_category_id"},
            {"tbl_product", "product_id"},
            {"tbl_customers", "customer_id"},
            {"tbl_customer_address", "customer_address_id"},
            {"tbl_voucher", "voucher_id"},
            {"tbl_order", "order_id"},
            {"tbl_order_items", "order_item_id"},
        };
        try (Statement s = c.createStatement()) {
            for (String[] t : serials) {
                // table and column names are the constants above, never input
                s.execute("select setval(pg_get_serial_sequence('" + t[0] + "', '" + t[1] + "'), coalesce((select max("
                        + t[1] + ") from " + t[0] + "), 0) + 1, false)");
            }
        }
    }

    /** Drops the non-unique indexes of tbl_product; returns their definitions to build them again. */
    private static List<String> dropProductIndexes(Connection c) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select i.relname, pg_get_indexdef(i.oid) from pg_index x"
                        + " join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
                        + " join pg_namespace n on n.oid = t.relnamespace"
                        + " where t.relname = 'tbl_product' and n.nspname = current_schema()"
                        + " and not x.indisunique and not x.indisprimary")) {
            while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2)});
        }
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String[] f : found) {
                s.execute("drop index " + quoteIdent(f[0]));
                definitions.add(f[1]);
            }
        }
        return definitions;
    }

    static final String CLUSTER_INDEX = "ix_product_category_price";

    /**
     * Rewrites tbl_product in category (then price) order. Products of a category then share
     * pages, and a search reads about a third of the heap pages it reads when they are scattered.
     */
    static void clusterByCategory(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("cluster tbl_product using " + CLUSTER_INDEX);
        }
    }

    private static boolean isClusterIndex(String definition) {
        return definition.startsWith("CREATE INDEX " + CLUSTER_INDEX + " ");
    }

    private static void recreate(Connection c, List<String> definitions) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String d : definitions) s.execute(d); // definitions read back from pg_get_indexdef
        }
    }

    private static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Streams CSV rows into COPY in chunks of about 1 MB. */
    private static final class CopyWriter implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder buf = new StringBuilder(1 << 20);
        private boolean firstField = true;

        CopyWriter(Connection c, String sql) throws SQLException {
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        CopyWriter field(long v) {
            sep();
            buf.append(v);
            return this;
        }

        CopyWriter raw(String v) {
            sep();
            buf.append(v);
            return this;
        }

        CopyWriter nul() {
            sep();
            return this;
        }

        CopyWriter text(String v) {
            sep();
            buf.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"') buf.append('"');
                buf.append(ch);
            }
            buf.append('"');
            return this;
        }

        void endRow() throws SQLException {
            buf.append('\n');
            firstField = true;
            if (buf.length() > (1 << 20) - 4096) flush();
        }

        private void sep() {
            if (!firstField) buf.append(',');
            firstField = false;
        }

        private void flush() throws SQLException {
            byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buf.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            try {
                if (buf.length() > 0) flush();
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        }
    }
}
