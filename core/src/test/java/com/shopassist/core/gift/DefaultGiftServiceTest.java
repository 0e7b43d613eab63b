package com.shopassist.core.gift;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.catalog.DefaultSearchService;
import com.shopassist.core.catalog.InMemoryCatalog;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.money.Money;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultGiftServiceTest {

    InMemoryCatalog catalog;
    DefaultGiftService gifts;

    @BeforeEach
    void catalog() {
        catalog = new InMemoryCatalog();
        catalog.add(1, 1, "Leather watch", 900_000, 5);
        catalog.add(2, 1, "Sport watch", 400_000, 5);
        catalog.add(3, 1, "Digital watch", 300_000, 5);
        catalog.add(4, 2, "Leather wallet", 250_000, 5);
        catalog.add(5, 2, "Card wallet", 150_000, 0);
        catalog.add(6, 3, "Coffee grinder", 350_000, 5);
        catalog.add(7, 4, "Hiking boots", 700_000, 5);
        gifts = new DefaultGiftService(
                catalog,
                new DefaultSearchService(catalog, null),
                new GiftIdeas(
                        Map.of("dad", List.of("watch", "wallet", "coffee", "shirt"), "default", List.of("watch"))));
    }

    @Test
    void aRecipientGetsTwoOfEachKindInStockUnderTheBudget() {
        List<Product> ideas = gifts.suggest("Dad", Money.of(500_000), null);
        assertThat(ideas).extracting(Product::id).containsExactly(2L, 3L, 4L, 6L);
        assertThat(catalog.searched).containsExactly("watch", "wallet", "coffee");
    }

    @Test
    void theShoppersInterestsComeFirst() {
        assertThat(gifts.suggest("dad", null, "hiking")).extracting(Product::id).startsWith(7L);
    }

    @Test
    void anUnknownRecipientGetsTheDefaultIdeas() {
        assertThat(gifts.suggest("martian", Money.of(-1), null))
                .extracting(Product::id)
                .containsExactly(1L, 2L);
    }

    @Test
    void theShippedIdeasHaveADefaultAndTheRecipientsTheAssistantsName() {
        GiftIdeas shipped = GiftIdeas.load();
        assertThat(shipped.forRecipient("nobody")).isNotEmpty();
        for (String who : List.of("dad", "mom", "teenager", "friend", "colleague", "partner", "kid")) {
            assertThat(shipped.forRecipient(who)).as(who).isNotEqualTo(shipped.forRecipient("nobody"));
        }
    }
}
