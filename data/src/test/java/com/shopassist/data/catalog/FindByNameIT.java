package com.shopassist.data.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.catalog.ProductQuery;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Naming a product: copied from its card, in part, misspelt, in Indonesian brand words (decision 0089). */
class FindByNameIT {

    static Database db;
    static CatalogService catalog;
    static long kiranaBeige,
            kiranaBlack,
            canvasBeige,
            canvasBlack,
            kiranaBloomRed,
            angunBeige,
            senjaBeige,
            sambal,
            vitamin,
            samudra,
            inactive;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        CommerceFixture fx = new CommerceFixture(db);
        long bags = fx.category("Bags", "Tas");
        long food = fx.category("Food", "Makanan");
        kiranaBeige = fx.product(bags, "Kirana Modest Tote Bag - Beige", "Kirana", 250_000, 5);
        kiranaBlack = fx.product(bags, "Kirana Modest Tote Bag - Black", "Kirana", 250_000, 5);
        // a long name keeps trigram similarity to a short text low: the word match decides
        canvasBeige =
                fx.product(bags, "Kirana Everyday Canvas Shoulder Tote With Zip Pocket - Beige", "Kirana", 320_000, 5);
        canvasBlack =
                fx.product(bags, "Kirana Everyday Canvas Shoulder Tote With Zip Pocket - Black", "Kirana", 320_000, 5);
        kiranaBloomRed = fx.product(bags, "Kirana Bloom Tote Bag - Red", "Kirana", 270_000, 5);
        angunBeige = fx.product(bags, "Anggun Daily Tote Bag - Beige", "Anggun", 199_000, 5);
        senjaBeige = fx.product(bags, "Senja Modest Tote Bag - Beige", "Senja", 210_000, 5);
        sambal = fx.product(food, "Dapur Nenek Gold Sambal Bottle - Pack of 3", "Dapur Nenek", 45_000, 5);
        vitamin = fx.product(food, "Sehat Selalu Care Vitamin C 1000mg - Pack of 6", "Sehat Selalu", 60_000, 5);
        long phones = fx.category("Phones", "Ponsel");
        samudra = fx.product(phones, "Samudra Mobile Zen 7 5G Smartphone - 256GB", "Samudra", 4_999_000, 5);
        inactive = fx.product(bags, "Kirana Retired Tote Bag - Beige", "Kirana", 99_000, 5);
        fx.exec("update tbl_product set is_active = false where product_id = " + inactive);
        catalog = CommerceServices.create(db, MutableClock.at("2026-11-25T03:00:00Z"), CommerceSettings.defaults())
                .catalog();
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static List<Long> ids(String name) {
        return catalog.findByName(name, 5).stream().map(Product::id).toList();
    }

    @Test
    void exactNameWithAColourSuffixFindsThatProductFirstThenItsVariants() {
        List<Long> found = ids("kirana modest tote bag - BEIGE");
        assertThat(found.get(0)).isEqualTo(kiranaBeige);
        assertThat(found).doesNotHaveDuplicates().doesNotContain(inactive);
    }

    @Test
    void theDashOfAVariantSuffixIsNotReadAsNot() {
        // websearch_to_tsquery made this 'kirana' & 'canva' & 'zip' & !'beig': the Black one first
        assertThat(ids("Kirana Canvas Zip - Beige")).first().isEqualTo(canvasBeige);
        assertThat(ids("Kirana Canvas Zip - Beige")).doesNotContain(canvasBlack);
    }

    @Test
    void searchTreatsTheDashOfAVariantSuffixAsPunctuation() {
        List<Long> found = catalog.search(ProductQuery.text("Kirana Modest Tote Bag - Beige")).items().stream()
                .map(Product::id)
                .toList();
        assertThat(found.get(0)).isEqualTo(kiranaBeige);
        List<Long> excluding = catalog.search(ProductQuery.text("tote bag -beige")).items().stream()
                .map(Product::id)
                .toList();
        assertThat(excluding).contains(kiranaBlack).doesNotContain(kiranaBeige, angunBeige, senjaBeige);
    }

    @Test
    void partOfTheNameInAnyOrderFindsIt() {
        assertThat(ids("tote bag kirana")).containsExactlyInAnyOrder(kiranaBeige, kiranaBlack, kiranaBloomRed);
        assertThat(ids("canvas tote kirana")).containsExactlyInAnyOrder(canvasBeige, canvasBlack);
        assertThat(ids("modest tote beige")).containsExactlyInAnyOrder(kiranaBeige, senjaBeige);
    }

    @Test
    void misspeltWordsAreCorrected() {
        assertThat(ids("kirana tot bag")).contains(kiranaBeige, kiranaBlack, kiranaBloomRed);
        assertThat(ids("kirana blom tote")).first().isEqualTo(kiranaBloomRed);
    }

    @Test
    void indonesianBrandWordsFindTheirProducts() {
        assertThat(ids("Dapur Nenek sambal")).containsExactly(sambal);
        assertThat(ids("sehat selalu vitamn c")).containsExactly(vitamin);
    }

    @Test
    void aTextWithExtraOrSplitWordsStillFindsTheNameItResembles() {
        // no stage of words holds "in", "for", "please" or a split "256 gb": the trigram stage does
        assertThat(ids("the senja modest tote bag in beige for my daughter please"))
                .contains(senjaBeige);
        assertThat(ids("samudra zen 256 GB")).first().isEqualTo(samudra);
    }

    @Test
    void anInactiveProductIsFoundByNoStage() {
        assertThat(ids("Kirana Retired Tote Bag - Beige")).as("its exact name").doesNotContain(inactive);
        assertThat(ids("kirana retird tote")).as("misspelt").doesNotContain(inactive);
        assertThat(ids("the kirana retired tote bag in beige please"))
                .as("by trigrams")
                .doesNotContain(inactive);
    }

    @Test
    void anExactNameComesFirstEvenWithALimitOfOne() {
        assertThat(catalog.findByName("Kirana Modest Tote Bag - Black", 1))
                .extracting(Product::id)
                .containsExactly(kiranaBlack);
    }

    @Test
    void aNameLikeNothingInTheCatalogFindsNothing() {
        assertThat(ids("zzqx wobble frobnicator")).isEmpty();
    }
}
