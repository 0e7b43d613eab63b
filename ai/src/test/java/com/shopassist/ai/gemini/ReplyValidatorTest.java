package com.shopassist.ai.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.ai.lang.Lang;
import com.shopassist.ai.tool.ToolResult;
import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.chat.Correction;
import com.shopassist.core.chat.ProductCard;
import com.shopassist.core.money.Money;
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
        return product(id, name, price, 10);
    }

    @Test
    void aProductIdTheToolsDidNotReturnIsRemoved() {
        var c = validator.check(
                "Try product id 777, it is great.\nOr the JBL Tune 520BT Headphones.", searched(2), "", Lang.EN);
        assertThat(c.text()).isEqualTo("Or the JBL Tune 520BT Headphones.");
    }

    // ------------------------------------------------------------------ a price belongs to its product

    @Test
    void aPriceOfAnotherProductInTheSameReplyIsCorrected() {
        var c = validator.check(
                "The Sony WH-1000XM5 Wireless Headphones is Rp 4.999.000. The JBL Tune 520BT Headphones is Rp 4.999.000 too.",
                searched(1, 2),
                "headphones",
                Lang.EN);
        assertThat(c.text())
                .isEqualTo(
                        "The Sony WH-1000XM5 Wireless Headphones is Rp 4.999.000. The JBL Tune 520BT Headphones is Rp 699.000 too.");
        assertThat(c.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.PRICE);
    }

    @Test
    void swappedPricesInOneSentenceAreEachCorrected() {
        var c = validator.check(
                "Harga Sony WH-1000XM5 Rp 699.000, sedangkan JBL Tune 520BT Rp 4.999.000.",
                searched(1, 2),
                "",
                Lang.ID);
        assertThat(c.text()).isEqualTo("Harga Sony WH-1000XM5 Rp 4.999.000, sedangkan JBL Tune 520BT Rp 699.000.");
        assertThat(c.corrections()).hasSize(2).allMatch(x -> x.kind() == Correction.Kind.PRICE);
    }

    @Test
    void aProductNamedByItsBrandOrModelCodeKeepsItsOwnPrice() {
        var c = validator.check("The JBL is Rp 699.000 and the XM5 is Rp 4.999.000.", searched(1, 2), "", Lang.EN);
        assertThat(c.text()).isEqualTo("The JBL is Rp 699.000 and the XM5 is Rp 4.999.000.");
        assertThat(c.corrections()).isEmpty();
        assertThat(c.cards()).extracting(ProductCard::id).containsExactly(2L, 1L);
    }

    @Test
    void anAmountWithoutRpIsCheckedToo() {
        var en = validator.check("The JBL Tune 520BT Headphones is 1.250.000.", searched(2), "", Lang.EN);
        assertThat(en.text()).isEqualTo("The JBL Tune 520BT Headphones is Rp 699.000.");
        var id = validator.check("JBL Tune 520BT Headphones harganya 1,25 juta.", searched(2), "", Lang.ID);
        assertThat(id.text()).isEqualTo("JBL Tune 520BT Headphones harganya Rp 699.000.");
    }

    @Test
    void anAmountThatMatchesNoProductGoesWithItsSentence() {
        var id = validator.check(
                "Ada juga pilihan lain seharga 1,25 juta. JBL Tune 520BT Headphones harganya Rp 699.000.",
                searched(2),
                "headphone",
                Lang.ID);
        assertThat(id.text()).isEqualTo("JBL Tune 520BT Headphones harganya Rp 699.000.");
        assertThat(id.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.AMOUNT);
        var en = validator.check(
                "There is also one for 1,25 juta. The JBL Tune 520BT Headphones is Rp 699.000.",
                searched(2),
                "",
                Lang.EN);
        assertThat(en.text()).isEqualTo("The JBL Tune 520BT Headphones is Rp 699.000.");
    }

    @Test
    void aProductsPriceInASentenceThatNamesNoProductIsNotAccepted() {
        var c = validator.check(
                "The JBL Tune 520BT Headphones has great bass.\n\nPrices start at Rp 349.000.",
                searched(2, 3),
                "",
                Lang.EN);
        assertThat(c.text()).isEqualTo("The JBL Tune 520BT Headphones has great bass.");
    }

    @Test
    void aSentenceRightAfterOneProductMayStateItsPrice() {
        var ok = validator.check(
                "I found the JBL Tune 520BT Headphones. It costs Rp 699.000.", searched(2), "", Lang.EN);
        assertThat(ok.text()).isEqualTo("I found the JBL Tune 520BT Headphones. It costs Rp 699.000.");
        var wrong = validator.check(
                "I found the JBL Tune 520BT Headphones. It costs Rp 4.999.000.", searched(1, 2), "", Lang.EN);
        assertThat(wrong.text()).isEqualTo("I found the JBL Tune 520BT Headphones.");
    }

    @Test
    void cartFiguresAndTheShoppersBudgetStandBesideAProduct() {
        Money jbl = Money.of(699_000);
        Cart cart = new Cart(
                1,
                CartOwner.guest("k"),
                List.of(new CartLine(2, "JBL Tune 520BT Headphones", "JBL", jbl, 2, jbl.times(2), Money.ZERO, 3, null)),
                jbl.times(2),
                null,
                Money.ZERO,
                jbl.times(2),
                null,
                null);
        List<ToolResult> added = List.of(new ToolResult("add_to_cart", true, "{}", List.of(), cart, null, null));
        assertThat(validator
                        .check("Added 2 JBL Tune 520BT Headphones, your total is Rp 1.398.000.", added, "", Lang.EN)
                        .corrections())
                .isEmpty();
        assertThat(validator
                        .check("2 x JBL Tune 520BT Headphones = Rp 1.398.000.", added, "", Lang.EN)
                        .corrections())
                .isEmpty();
        var c = validator.check(
                "The JBL Tune 520BT Headphones at Rp 699.000 is under your 1 juta budget.",
                searched(2),
                "headphones under 1 juta",
                Lang.EN);
        assertThat(c.text()).isEqualTo("The JBL Tune 520BT Headphones at Rp 699.000 is under your 1 juta budget.");
        var over = validator.check(
                "The Sony WH-1000XM5 Wireless Headphones is under Rp 1.000.000.", searched(1), "", Lang.EN);
        assertThat(over.text()).isEmpty();
        assertThat(over.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.PRICE);
    }

    // ------------------------------------------------------------------ stock, zero included

    @Test
    void aCountLeftOfASoldOutProductBecomesSoldOut() {
        var id = validator.check("Xiaomi Redmi Buds 5 tinggal 3, buruan!", searched(3), "", Lang.ID);
        assertThat(id.text()).isEqualTo("Xiaomi Redmi Buds 5 sedang habis.");
        assertThat(id.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.STOCK);
        var en = validator.check("Only 3 left of the Xiaomi Redmi Buds 5!", searched(3), "", Lang.EN);
        assertThat(en.text()).isEqualTo("Xiaomi Redmi Buds 5 is sold out right now.");
        var list = validator.check("- **Xiaomi Redmi Buds 5** - Rp 349.000, tinggal 3", searched(3), "", Lang.ID);
        assertThat(list.text()).isEqualTo("- **Xiaomi Redmi Buds 5** - Rp 349.000, habis");
    }

    @Test
    void soldOutIsCorrectedForAProductWithUnits() {
        Product twelve = product(40, "Anker Soundcore Life Q30 Headphones", 1_099_000, 12);
        List<ToolResult> r = List.of(new ToolResult("check_stock", true, "{}", List.of(twelve), null, null, null));
        assertThat(validator
                        .check("Sorry, the Anker Soundcore Life Q30 Headphones is sold out.", r, "", Lang.EN)
                        .text())
                .isEqualTo("Sorry, the Anker Soundcore Life Q30 Headphones is in stock.");
        var id = validator.check("Maaf, Anker Soundcore Life Q30 Headphones stoknya habis.", r, "", Lang.ID);
        assertThat(id.text()).isEqualTo("Maaf, Anker Soundcore Life Q30 Headphones stoknya ada.");
        assertThat(id.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.STOCK);
        assertThat(validator
                        .check("The Anker Soundcore Life Q30 Headphones has 12 in stock.", r, "", Lang.EN)
                        .corrections())
                .isEmpty();
    }

    @Test
    void stockClaimsAreTiedToTheProductTheyFollow() {
        var c = validator.check(
                "The Sony WH-1000XM5 has 7 in stock, but the Xiaomi Redmi Buds 5 is available too.",
                searched(1, 3),
                "",
                Lang.EN);
        assertThat(c.text())
                .isEqualTo("The Sony WH-1000XM5 has 7 in stock, but the Xiaomi Redmi Buds 5 is sold out too.");
        var named = validator.check("Xiaomi Redmi Buds 5 available now.", searched(3), "", Lang.EN);
        assertThat(named.text()).isEqualTo("Xiaomi Redmi Buds 5 sold out now.");
    }

    @Test
    void theRestOfARemovedListItemGoesWithIt() {
        var c = validator.check(
                "Two:\n- **JBL Tune 520BT Headphones** - Rp 699.000\n- **Bose QuietComfort Ultra** - Rp 3.000.000. Great ANC.\nAnything else?",
                searched(2),
                "",
                Lang.EN);
        assertThat(c.text()).isEqualTo("Two:\n- **JBL Tune 520BT Headphones** - Rp 699.000\nAnything else?");
        assertThat(c.corrections()).extracting(Correction::kind).containsExactly(Correction.Kind.UNKNOWN_PRODUCT);
    }

    private static Product product(long id, String name, long price, int available) {
        return new Product(
                id,
                1,
                "Audio",
                "S" + id,
                null,
                name,
                name.split(" ")[0],
                com.shopassist.core.money.Money.of(price),
                "E",
                "",
                null,
                available,
                available,
                3,
                java.time.Instant.EPOCH);
    }
}
