package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hit passes through the search's counting window, so what each hit carries there decides
 * whether a broad search fits in work_mem (decision 0088). 600 lamps with long descriptions:
 * their vectors, about 900 bytes each, would need eight times the 64 kB allowed here; their ids and
 * two sort keys fit.
 */
class SearchWindowIT {

    static final int LAMPS = 600;
    static Database db;
    static MyBatisCatalogRepository repo;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(2);
        CommerceFixture fx = new CommerceFixture(db);
        long lights = fx.category("Lights", "Lampu");
        // 60 different words in each description: vectors of about 900 bytes, short of TOAST
        fx.exec("INSERT INTO tbl_product (product_category_id, sku, product_name, product_brand, retail_price,"
                + " department, description, stock_quantity)"
                + " SELECT " + lights + ", 'LAMP-' || g, 'Desk Lamp ' || g, 'Lumo', 100000 + g, 'Home',"
                + " (SELECT string_agg('word' || (g * 60 + w) || 'x', ' ') FROM generate_series(1, 60) w), 5"
                + " FROM generate_series(1, " + LAMPS + ") g");
        repo = new MyBatisCatalogRepository(db.mapper(CatalogMapper.class));
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void sixHundredHitsPassTheCountingWindowWithoutTemporaryFiles() throws Exception {
        ProductQuery lamp = ProductQuery.text("lamp");
        assertThat(repo.search(lamp, Instant.now()).total()).isEqualTo(LAMPS);
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET work_mem = '64kB'");
            }
            try {
                assertThat(new SearchPlans().tempBlocksWritten(c, lamp, Instant.now()))
                        .isZero();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET work_mem");
                }
            }
        }
    }
}
