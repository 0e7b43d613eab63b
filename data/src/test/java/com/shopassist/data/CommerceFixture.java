package com.shopassist.data;

import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data written with plain SQL (the way a store's back office or the seeder would), and
 * plain-SQL reads to check what the services did.
 */
public final class CommerceFixture {

    private static final AtomicInteger SKU = new AtomicInteger();
    private final Database db;

    public CommerceFixture(Database db) {
        this.db = db;
    }

    public long category(String name, String nameId) {
        return queryLong(
                "INSERT INTO tbl_product_category (category_name, category_name_id) VALUES (?, ?)"
                        + " ON CONFLICT (category_name) DO UPDATE SET category_name_id = EXCLUDED.category_name_id"
                        + " RETURNING product_category_id",
                name,
                nameId);
    }

    public long product(long categoryId, String name, String brand, long price, int stock) {
        return product(categoryId, name, brand, price, stock, "General", "");
    }

    public long product(
            long categoryId, String name, String brand, long price, int stock, String department, String description) {
        return queryLong(
                "INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand, retail_price,"
                        + " department, description, stock_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING product_id",
                categoryId,
                "SKU-" + SKU.incrementAndGet() + "-" + System.nanoTime(),
                name,
                brand,
                BigDecimal.valueOf(price),
                department,
                description,
                stock);
    }

    /** A customer inserted directly (no bcrypt: fast); the password hash is not usable. */
    public long customer(String name, String email) {
        return queryLong(
                "INSERT INTO tbl_customers (full_name, email, password) VALUES (?, ?, 'x') RETURNING customer_id",
                name,
                email);
    }

    public long address(long customerId, String label) {
        return queryLong(
                "INSERT INTO tbl_customer_address (customer_id, label, recipient_name, street_address, city)"
                        + " VALUES (?, ?, 'Recipient', 'Jl. Sudirman 1', 'Jakarta') RETURNING customer_address_id",
                customerId,
                label);
    }

    public long voucher(
            String code,
            String type,
            long value,
            long minPurchase,
            Long maxDiscount,
            Integer usageLimit,
            Instant from,
            Instant until,
            boolean active) {
        return queryLong(
                "INSERT INTO tbl_voucher (voucher_code, discount_type, discount_value, min_purchase, max_discount,"
                        + " usage_limit, valid_from, valid_until, is_active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " RETURNING voucher_id",
                code,
                type,
                BigDecimal.valueOf(value),
                BigDecimal.valueOf(minPurchase),
                maxDiscount == null ? null : BigDecimal.valueOf(maxDiscount),
                usageLimit,
                Timestamp.from(from),
                Timestamp.from(until),
                active);
    }

    public long queryLong(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            boolean hasRows = ps.execute();
            if (!hasRows) return ps.getUpdateCount();
            try (ResultSet rs = ps.getResultSet()) {
                if (!rs.next()) throw new IllegalStateException("no row: " + sql);
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String queryString(String sql, Object... args) {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A fresh database whose catalog is {@code count} kettles ("Kettle 1" to "Kettle count", in
     * category "Kitchen"): a search with more hits than its bound.
     */
    public static Database kettles(int count) {
        Database db = TestDatabase.fresh();
        CommerceFixture fx = new CommerceFixture(db);
        fx.products(fx.category("Kitchen", "Dapur"), "Kettle", 200000, "", count);
        return db;
    }

    /**
     * {@code count} products named "name 1" to "name count", priced price + number, in one
     * statement: a catalog with more hits than a search's bound in milliseconds.
     */
    public void products(long categoryId, String name, long price, String description, int count) {
        exec("INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand, retail_price,"
                + " department, description, stock_quantity)"
                + " SELECT " + categoryId + ", '" + name.replace("'", "''") + "-' || g, '" + name.replace("'", "''")
                + " ' || g, 'Dapurku', " + price + " + g, 'Home', '" + description.replace("'", "''") + "', 5"
                + " FROM generate_series(1, " + count + ") g");
    }

    public void exec(String sql) {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public int stockOf(long productId) {
        return (int) queryLong("SELECT stock_quantity FROM tbl_product WHERE product_id = ?", productId);
    }

    public int reservedOf(long productId) {
        return (int) queryLong("SELECT reserved_quantity FROM tbl_product WHERE product_id = ?", productId);
    }

    public int liveHeld(long productId, Instant now) {
        return (int) queryLong(
                "SELECT COALESCE(sum(quantity), 0) FROM tbl_stock_hold WHERE product_id = ? AND expires_at > ?",
                productId,
                Timestamp.from(now));
    }

    public int movements(long productId, String type) {
        return (int) queryLong(
                "SELECT count(*) FROM tbl_stock_movement WHERE product_id = ? AND movement_type = ?", productId, type);
    }

    /** A small catalog with names chosen to exercise stemming, prefixes and typos. */
    public Catalog smallCatalog() {
        long shoes = category("Shoes", "Sepatu");
        long kitchen = category("Kitchen", "Dapur");
        long phones = category("Phones", "Ponsel");
        Catalog c = new Catalog(shoes, kitchen, phones);
        c.runningShoes = product(
                shoes,
                "Running Shoes Pegasus",
                "Nike",
                1_250_000,
                20,
                "Sports",
                "Light running shoes for road running");
        c.kidsShoes = product(shoes, "Kids Running Shoes", "Adidas", 450_000, 15, "Kids", "Running shoes for kids");
        c.sneakers =
                product(shoes, "Classic Leather Sneakers", "Adidas", 900_000, 8, "Fashion", "White leather sneakers");
        c.sandals = product(shoes, "Beach Sandals", "Eiger", 150_000, 0, "Outdoor", "Sandals for the beach");
        c.boots = product(shoes, "Hiking Boots", "Eiger", 1_100_000, 5, "Outdoor", "Waterproof hiking boots");
        c.riceCooker = product(
                kitchen,
                "Rice Cooker Digital 1.8L",
                "Philips",
                750_000,
                12,
                "Home",
                "Digital rice cooker with keep warm");
        c.miniCooker = product(kitchen, "Mini Rice Cooker 0.6L", "Miyako", 250_000, 30, "Home", "Small rice cooker");
        c.blender = product(kitchen, "Blender 2L", "Philips", 600_000, 10, "Home", "Glass jar blender");
        c.phone = product(phones, "Samsung Galaxy A15", "Samsung", 2_500_000, 25, "Electronics", "Smartphone 128GB");
        c.phone2 = product(phones, "Galaxy Tab S9", "Samsung", 9_000_000, 3, "Electronics", "Tablet");
        return c;
    }

    /** Ids of {@link #smallCatalog()}. */
    public static final class Catalog {
        public final long shoes;
        public final long kitchen;
        public final long phones;
        public long runningShoes, kidsShoes, sneakers, sandals, boots, riceCooker, miniCooker, blender, phone, phone2;

        Catalog(long shoes, long kitchen, long phones) {
            this.shoes = shoes;
            this.kitchen = kitchen;
            this.phones = phones;
        }
    }
}
