package com.shopassist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.money.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowestPriceInStockTest {

    @Test
    void aSoldOutProductIsNeverCalledTheLowestPrice() {
        Product soldOut = product(1, 300_000, 0);
        Product dearer = product(2, 450_000, 7);
        Product dearest = product(3, 900_000, 2);

        assertThat(LowestPriceInStock.among(List.of(soldOut, dearer, dearest))).containsExactly(2L);
    }

    @Test
    void everyProductSharingTheLowestPriceIsMarked() {
        assertThat(LowestPriceInStock.among(
                        List.of(product(1, 250_000, 3), product(2, 250_000, 9), product(3, 260_000, 9))))
                .containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void noneIsMarkedWhenEveryBuyableProductCostsTheSame() {
        assertThat(LowestPriceInStock.among(
                        List.of(product(1, 250_000, 3), product(2, 250_000, 9), product(3, 100_000, 0))))
                .as("the cheaper one is sold out; the two that can be bought cost the same")
                .isEmpty();
        assertThat(LowestPriceInStock.among(List.of(product(1, 250_000, 3), product(2, 100_000, 0))))
                .as("only one can be bought")
                .isEmpty();
    }

    @Test
    void noneIsMarkedWhenAllAreSoldOut() {
        assertThat(LowestPriceInStock.among(List.of(product(1, 100_000, 0), product(2, 200_000, 0))))
                .isEmpty();
    }

    private static Product product(long id, long rupiah, int available) {
        return new Product(
                id,
                1,
                "Shoes",
                "SKU-" + id,
                "899000000000" + id,
                "Shoe " + id,
                "Brand",
                Money.of(rupiah),
                "Sports",
                "",
                null,
                available,
                available,
                2,
                Instant.EPOCH);
    }
}
