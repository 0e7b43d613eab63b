package com.shopassist.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationIT {

    static Database db;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void migrationsApplyFromZeroAndCreateBothSchemas() throws SQLException {
        assertThat(db.schemaVersion()).isNotBlank();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from information_schema.tables where table_schema in ('public','aichatbot')"
                                + " and table_name in ('tbl_customers','tbl_product','tbl_order','chat_details')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
        }
    }

    @Test
    void reservedStockCannotExceedStock() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("insert into tbl_product_category(category_name) values ('Constraint test')");
            assertThatThrownBy(() -> s.execute(
                            "insert into tbl_product(product_category_id, sku, product_name, product_brand, retail_price,"
                                    + " department, stock_quantity, reserved_quantity) select product_category_id, 'X-1',"
                                    + " 'x', 'y', 1000, 'd', 1, 2 from tbl_product_category"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ck_product_reserved_le_stock");
        }
    }
}
