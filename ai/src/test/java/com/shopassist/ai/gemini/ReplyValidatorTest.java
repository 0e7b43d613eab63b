package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.ProductCard;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyValidatorTest {

    final StubShopTools stub = new StubShopTools();
    final ReplyValidator validator = new ReplyValidator();

    private List<ToolResult> searched(long... ids) {
        List<Product> ps = new java.util.ArrayList<>();
        for (long id : ids) ps.add(stub.products.get(id));
        return List.of(new ToolResult("search_products", true, "{}", ps, null, null, null));
    }

    @Test
    void aProductLineTheToolsDidNotReturnIsRemoved() {
        var c = validator.check(
                "Here are two:\n- **JBL Tune 520BT Headphones** - Rp 699.000\n- **Bose QuietComfort Ultra** - Rp 3.000.000",
                searched(2),
                "headphones",
                Lang.EN);
        assertThat(c.text()).isEqualTo("Here are two:\n- **JBL Tune 520BT Headphones** - Rp 699.000");
        assertThat(c.cards()).extracting(ProductCard::id).containsExactly(2L);
        assertThat(c.corrections()).hasSize(1);
    }

    @Test
    void aWrongPriceOfAReturnedProductIsCorrected() {
        var c = validator.check(
                "- **Sony WH-1000XM5 Wireless Headphones** - Rp 3.999.000 (in stock)", searched(1), "sony", Lang.EN);
        assertThat(c.text()).isEqualTo("- **Sony WH-1000XM5 Wireless Headphones** - Rp 4.999.000 (in stock)");
    }

    @Test
    void stockClaimsFollowTheToolResult() {
        assertThat(validator
                        .check("The JBL Tune 520BT Headphones: only 10 left!", searched(2), "", Lang.EN)
                        .text())
                .isEqualTo("The JBL Tune 520BT Headphones: only 3 left!");
        assertThat(validator
                        .check("Xiaomi Redmi Buds 5 is in stock.", searched(3), "", Lang.EN)
                        .text())
                .isEqualTo("Xiaomi Redmi Buds 5 is sold out.");
        assertThat(validator
                        .check("Sony WH-1000XM5 Wireless Headphones sudah habis.", searched(1), "", Lang.ID)
                        .text())
                .isEqualTo("Sony WH-1000XM5 Wireless Headphones sudah tersedia.");
    }

    @Test
    void anAmountNoToolOrShopperGaveIsDroppedWithItsSentenceOnly() {
        var c = validator.check(
                "I found the JBL Tune 520BT Headphones. Shipping is free above Rp 500.000. Your limit was 1 juta.",
                searched(2),
                "headphones under 1 juta",
                Lang.EN);
        assertThat(c.text()).isEqualTo("I found the JBL Tune 520BT Headphones. Your limit was 1 juta.");
    }

    @Test
    void aShortenedNameStillMatchesItsProduct() {
        var c = validator.check("- **Sony WH-1000XM5** - Rp 4.500.000", searched(1), "", Lang.EN);
        assertThat(c.text()).isEqualTo("- **Sony WH-1000XM5** - Rp 4.999.000");
        assertThat(c.cards()).extracting(ProductCard::id).containsExactly(1L);
    }

    @Test
    void productsSharingTheFirstWordsAreToldApartByTheLongestMatch() {
        Product beat12 = product(26, "Gema Audio Beat 12 Noise Cancelling Headphones - Midnight Black", 971_900);
        Product beat3 = product(175, "Gema Audio Beat 3 Noise Cancelling Headphones - Sage Green", 1_136_900);
        List<ToolResult> both =
                List.of(new ToolResult("search_products", true, "{}", List.of(beat12, beat3), null, null, null));
        var bold = validator.check(
                "Found: **Gema Audio Beat 12 Noise Cancelling Headphones - Midnight Black**", both, "", Lang.EN);
        assertThat(bold.cards()).extracting(ProductCard::id).containsExactly(26L);
        var prose = validator.check("The Gema Audio Beat 12 costs Rp 999.000.", both, "", Lang.EN);
        assertThat(prose.text()).isEqualTo("The Gema Audio Beat 12 costs Rp 971.900.");
        assertThat(prose.cards()).extracting(ProductCard::id).containsExactly(26L);
    }

    private static Product product(long id, String name, long price) {
        return new Product(
                id,
                1,
                "Audio",
                "S" + id,
                null,
                name,
                "Gema Audio",
                com.shopassist.core.money.Money.of(price),
                "E",
                "",
                null,
                10,
                10,
                3,
                java.time.Instant.EPOCH);
    }

    @Test
    void aProductIdTheToolsDidNotReturnIsRemoved() {
        var c = validator.check(
                "Try product id 777, it is great.\nOr the JBL Tune 520BT Headphones.", searched(2), "", Lang.EN);
        assertThat(c.text()).isEqualTo("Or the JBL Tune 520BT Headphones.");
    }

    @Test
    void amountsAreReadInTheWaysShoppersAndModelsWriteThem() {
        assertThat(ReplyValidator.amountsIn(
                        "Rp 1.250.000, Rp1,250,000, IDR 1.250.000, 1,25 juta, 1.5 jt, 500rb, Rp 2 juta"))
                .containsExactly(1_250_000L, 1_250_000L, 1_250_000L, 1_250_000L, 1_500_000L, 500_000L, 2_000_000L);
    }
}
