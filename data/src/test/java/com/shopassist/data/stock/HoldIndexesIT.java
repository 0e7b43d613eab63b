package com.shopassist.data.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V65 dropped the indexes nothing read; what did read them still finds an index (decision 0018). */
class HoldIndexesIT {

    static Database db;
    static CommerceFixture fx;
    static CommerceServices s;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        s = CommerceServices.create(db, MutableClock.at("2026-11-25T03:00:00Z"), CommerceSettings.defaults());
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void aCartsHoldsAndTheCartDeletionsForeignKeyActionUseTheCartProductIndex() throws SQLException {
        assertThat(plan("SELECT hold_id FROM tbl_stock_hold WHERE cart_id = 42 ORDER BY product_id"))
                .contains("ux_stock_hold_cart_product");
        // what ON DELETE SET NULL runs when a cart is deleted
        assertThat(plan("UPDATE ONLY tbl_stock_hold SET cart_id = NULL WHERE 42 = cart_id"))
                .contains("ux_stock_hold_cart_product");
    }

    @Test
    void holdsAndMovementsCarryOnlyTheIndexesTheirReadersUse() {
        assertThat(fx.queryString("SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes"
                        + " WHERE tablename = 'tbl_stock_hold'"))
                .isEqualTo("ix_stock_hold_product_expiry tbl_stock_hold_pkey ux_stock_hold_cart_product");
        assertThat(fx.queryString("SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes"
                        + " WHERE tablename = 'tbl_stock_movement'"))
                .isEqualTo("ix_stock_movement_product_created tbl_stock_movement_pkey");
    }

    @Test
    void discardingACartStillReleasesItsHolds() {
        long category = fx.category("Kitchen", "Dapur");
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 5);
        CartOwner owner = CartOwner.guest("hold-indexes");
        s.carts().add(owner, kettle, 2);
        s.carts().discard(owner);
        assertThat(fx.reservedOf(kettle)).isZero();
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_stock_hold WHERE product_id = ?", kettle))
                .isZero();
    }

    /** The plan with sequential scans priced out, as for a table big enough to matter. */
    static String plan(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("SET LOCAL enable_seqscan = off");
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN " + sql)) {
                while (rs.next()) out.append(rs.getString(1)).append('\n');
            }
            c.rollback();
            c.setAutoCommit(true);
            return out.toString();
        }
    }
}
