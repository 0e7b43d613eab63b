package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Category;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.catalog.ProductSort;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.Page;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogSearchIT {

    static Database db;
    static CommerceFixture fx;
    static CommerceFixture.Catalog cat;
    static CatalogService catalog;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        cat = fx.smallCatalog();
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
    void stemmingFindsPluralsAndVerbForms() {
        assertThat(ids(catalog.search(ProductQuery.text("shoe")))).contains(cat.runningShoes, cat.kidsShoes);
        assertThat(ids(catalog.search(ProductQuery.text("run")))).contains(cat.runningShoes, cat.kidsShoes);
    }

    @Test
    void partialWordsMatchByPrefix() {
        assertThat(ids(catalog.search(ProductQuery.text("sneak")))).contains(cat.sneakers);
        assertThat(ids(catalog.search(ProductQuery.text("rice cook")))).contains(cat.riceCooker, cat.miniCooker);
    }

    @Test
    void typosAreToleratedThroughTrigrams() {
        assertThat(ids(catalog.search(ProductQuery.text("sneakrs")))).contains(cat.sneakers);
        assertThat(ids(catalog.search(ProductQuery.text("samsng galaxy")))).contains(cat.phone);
        assertThat(ids(catalog.search(ProductQuery.text("blendr")))).contains(cat.blender);
    }

    @Test
    void webSearchSyntaxExcludesAndQuotes() {
        List<Long> notKids = ids(catalog.search(ProductQuery.text("running shoes -kids")));
        assertThat(notKids).contains(cat.runningShoes).doesNotContain(cat.kidsShoes);
        List<Long> phrase = ids(catalog.search(ProductQuery.text("\"rice cooker\"")));
        assertThat(phrase).contains(cat.riceCooker, cat.miniCooker).doesNotContain(cat.blender);
    }

    @Test
    void relevancePutsTheBestMatchFirst() {
        Page<Product> page = catalog.search(ProductQuery.text("running shoes pegasus"));
        assertThat(page.items().get(0).id()).isEqualTo(cat.runningShoes);
    }

    @Test
    void filtersCombineWithTextAndTotalsCountAllMatches() {
        Page<Product> page = catalog.search(ProductQuery.text("shoes")
                .withCategory(cat.shoes)
                .withPrice(Money.of(400_000), Money.of(1_000_000))
                .withPage(1, 1));
        assertThat(page.total()).isEqualTo(1);
        assertThat(ids(page)).containsExactly(cat.kidsShoes);

        Page<Product> brand = catalog.search(ProductQuery.text(null).withBrand("adidas"));
        assertThat(ids(brand)).containsExactlyInAnyOrder(cat.kidsShoes, cat.sneakers);

        Page<Product> inStock =
                catalog.search(ProductQuery.text(null).withCategory(cat.shoes).withInStockOnly(true));
        assertThat(ids(inStock)).doesNotContain(cat.sandals).hasSize(4);
    }

    @Test
    void sortingByPriceAndNewestAndPagingWork() {
        Page<Product> cheap =
                catalog.search(ProductQuery.text(null).withCategory(cat.kitchen).withSort(ProductSort.PRICE_ASC));
        assertThat(ids(cheap)).containsExactly(cat.miniCooker, cat.blender, cat.riceCooker);
        Page<Product> dear =
                catalog.search(ProductQuery.text(null).withCategory(cat.kitchen).withSort(ProductSort.PRICE_DESC));
        assertThat(ids(dear)).containsExactly(cat.riceCooker, cat.blender, cat.miniCooker);
        Page<Product> newest = catalog.search(
                ProductQuery.text(null).withSort(ProductSort.NEWEST).withPage(1, 2));
        assertThat(newest.total()).isEqualTo(10);
        assertThat(newest.totalPages()).isEqualTo(5);
        assertThat(ids(newest)).containsExactly(cat.phone2, cat.phone);
        Page<Product> beyond = catalog.search(ProductQuery.text(null).withPage(9, 20));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(10);
    }

    @Test
    void anyTextGetsAnAnswerNeverAnError() {
        for (String text : List.of(
                "",
                "   ",
                "'; DROP TABLE tbl_product; --",
                "&|!:*()",
                "\"unclosed",
                "-",
                "or",
                "x".repeat(5000),
                "sepatu lari 👟",
                "\u0000\u0001")) {
            assertThat(catalog.search(ProductQuery.text(text)).total()).isGreaterThanOrEqualTo(0);
        }
        assertThat(fx.queryLong("SELECT count(*) FROM tbl_product")).isEqualTo(10);
    }

    @Test
    void anInvertedPriceRangeIsAValidationError() {
        assertThatThrownBy(() -> catalog.search(ProductQuery.text(null).withPrice(Money.of(10), Money.of(5))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void categoriesCountProductsAndAreFoundByEitherName() {
        List<Category> all = catalog.categories();
        assertThat(all).extracting(Category::name).contains("Shoes", "Kitchen", "Phones");
        assertThat(all.stream()
                        .filter(c -> c.name().equals("Shoes"))
                        .findFirst()
                        .orElseThrow()
                        .productCount())
                .isEqualTo(5);
        assertThat(catalog.categoryByName("sepatu").orElseThrow().id()).isEqualTo(cat.shoes);
        assertThat(catalog.categoryByName("kitchn").orElseThrow().id()).isEqualTo(cat.kitchen);
        assertThat(catalog.brands()).extracting(b -> b.name()).contains("Adidas", "Eiger", "Nike");
    }

    @Test
    void findByNameAndDetailsAndProductsByCategory() {
        assertThat(catalog.findByName("Galaxy A15", 3).get(0).id()).isEqualTo(cat.phone);
        assertThat(catalog.findByName("rice cookr", 3)).extracting(Product::id).contains(cat.riceCooker);
        Product p = catalog.product(cat.blender).orElseThrow();
        assertThat(p.price()).isEqualTo(Money.of(600_000));
        assertThat(p.categoryName()).isEqualTo("Kitchen");
        assertThat(catalog.productsByCategory(cat.phones, 1, 20).total()).isEqualTo(2);
        assertThat(catalog.products(List.of(cat.phone2, 424242L, cat.blender)))
                .extracting(Product::id)
                .containsExactly(cat.phone2, cat.blender);
    }
}
