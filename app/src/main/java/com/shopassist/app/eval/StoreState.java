package com.shopassist.app.eval;

import com.shopassist.core.cart.CartOwner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a task is scored on, read with plain SQL after the conversation: the shopper's cart lines,
 * the stock its lines hold, the voucher on it, the shopper's orders, and a fingerprint of every
 * other shopper's carts and orders and of the vouchers' use (which no task may change).
 *
 * @param holds product name to the quantity held for the shopper's cart (live holds only)
 * @param others a digest of what belongs to everyone else
 */
record StoreState(
        Map<String, Integer> cart,
        Map<String, Integer> holds,
        String voucher,
        long orders,
        String newestOrderAddress,
        String others) {

    static StoreState read(DataSource ds, CartOwner owner) {
        String mine = owner.isGuest() ? "c.guest_key = ?" : "c.customer_id = ?";
        Object key = owner.isGuest() ? owner.guestKey() : owner.customerId();
        try (Connection c = ds.getConnection()) {
            Map<String, Integer> cart = counts(
                    c,
                    "SELECT p.product_name, i.quantity FROM tbl_cart c JOIN tbl_cart_item i ON i.cart_id = c.cart_id"
                            + " JOIN tbl_product p ON p.product_id = i.product_id WHERE " + mine,
                    key);
            Map<String, Integer> holds = counts(
                    c,
                    "SELECT p.product_name, sum(h.quantity) FROM tbl_cart c JOIN tbl_stock_hold h ON h.cart_id = c.cart_id"
                            + " JOIN tbl_product p ON p.product_id = h.product_id WHERE " + mine
                            + " AND h.expires_at > now() GROUP BY p.product_name",
                    key);
            String voucher = one(
                    c,
                    "SELECT coalesce(v.voucher_code, '') FROM tbl_cart c LEFT JOIN tbl_voucher v ON v.voucher_id = c.voucher_id"
                            + " WHERE " + mine,
                    key);
            long orders = owner.isGuest()
                    ? 0
                    : Long.parseLong(one(c, "SELECT count(*) FROM tbl_order WHERE customer_id = ?", key));
            String address = owner.isGuest()
                    ? null
                    : one(
                            c,
                            "SELECT shipping_address_text FROM tbl_order WHERE customer_id = ?"
                                    + " ORDER BY order_id DESC LIMIT 1",
                            key);
            String others = one(
                    c,
                    "SELECT md5(coalesce((SELECT string_agg(c.cart_id || ':' || i.product_id || 'x' || i.quantity || ':'"
                            + " || coalesce(c.voucher_id, 0), ',' ORDER BY c.cart_id, i.product_id)"
                            + " FROM tbl_cart c JOIN tbl_cart_item i ON i.cart_id = c.cart_id WHERE NOT coalesce("
                            + mine + ", false)), '')"
                            + " || '|' || (SELECT count(*) FROM tbl_order o WHERE o.customer_id IS DISTINCT FROM ?)"
                            + " || '|' || (SELECT coalesce(string_agg(o.order_id || o.status, ',' ORDER BY o.order_id), '')"
                            + " FROM tbl_order o WHERE o.customer_id IS DISTINCT FROM ?)"
                            + " || '|' || (SELECT coalesce(sum(used_count), 0) FROM tbl_voucher))",
                    key,
                    owner.isGuest() ? -1L : owner.customerId(),
                    owner.isGuest() ? -1L : owner.customerId());
            return new StoreState(cart, holds, voucher == null ? "" : voucher, orders, address, others);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the store's state failed: " + e.getMessage(), e);
        }
    }

    /** The names among {@code names} that no product of the store carries. */
    static List<String> unknownProducts(DataSource ds, Collection<String> names) {
        List<String> unknown = new ArrayList<>();
        if (names.isEmpty()) return unknown;
        try (Connection c = ds.getConnection()) {
            for (String name : names) {
                if (one(c, "SELECT 1 FROM tbl_product WHERE product_name = ? LIMIT 1", name) == null) unknown.add(name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the store's products failed: " + e.getMessage(), e);
        }
        return unknown;
    }

    private static Map<String, Integer> counts(Connection c, String sql, Object... args) throws SQLException {
        Map<String, Integer> m = new TreeMap<>();
        try (PreparedStatement ps = prepared(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) m.merge(rs.getString(1), rs.getInt(2), Integer::sum);
        }
        return m;
    }

    private static String one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepared(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
        return ps;
    }
}
