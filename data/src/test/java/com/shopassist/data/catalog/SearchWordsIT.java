package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.Page;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dictionary of catalog words that corrects typos before the full-text pass (decision 0050). */
class SearchWordsIT {

    static Database db;
    static CommerceFixture fx;
    static CommerceFixture.Catalog cat;
    static CatalogMapper mapper;
    static CatalogService catalog;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        cat = fx.smallCatalog();
        mapper = db.mapper(CatalogMapper.class);
        catalog = CommerceServices.create(db, MutableClock.at("2026-11-25T03:00:00Z"), CommerceSettings.defaults())
                .catalog();
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static List<Long> ids(Page<Product> page) {
        return page.items().stream().map(Product::id).toList();
    }

    @Test
    void eachWordBecomesTheNearestCatalogWordAndShortWordsNumbersAndStrangersStay() {
        assertThat(mapper.correctWords("sneakrs blendr galaxy 128 tv qqqqqq"))
                .isEqualTo("sneakers blender galaxy 128 tv qqqqqq");
        assertThat(mapper.correctWords("samsng")).isEqualTo("samsung");
    }

    @Test
    void aTypoGetsTheAnswerOfTheCorrectedWords() {
        Page<Product> typo = catalog.search(ProductQuery.text("samsng galaxy"));
        Page<Product> right = catalog.search(ProductQuery.text("samsung galaxy"));
        assertThat(ids(typo)).isEqualTo(ids(right)).contains(cat.phone);
        assertThat(typo.total()).isEqualTo(right.total());
    }

    @Test
    void newAndRenamedProductsAddTheirWords() {
        long kettle = fx.product(cat.kitchen, "Zephyrwave Kettle", "Quorlax", 300_000, 5);
        assertThat(mapper.correctWords("zephyrwav quorlx")).isEqualTo("zephyrwave quorlax");
        fx.exec("UPDATE tbl_product SET product_name = 'Glimmerstone Kettle' WHERE product_id = " + kettle);
        assertThat(mapper.correctWords("glimmerston")).isEqualTo("glimmerstone");
        assertThat(ids(catalog.search(ProductQuery.text("glimerstone")))).containsExactly(kettle);
    }
}
