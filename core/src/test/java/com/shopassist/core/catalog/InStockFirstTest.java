package com.shopassist.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InStockFirstTest {

    final InMemoryCatalog catalog = new InMemoryCatalog();

    @Test
    void soldOutProductsMoveToTheEndEachPartKeepingItsOrder() {
        List<Product> in = List.of(
                catalog.add(1, 1, "Sold out best match", 100, 0),
                catalog.add(2, 1, "In stock", 100, 5),
                catalog.add(3, 1, "Sold out too", 100, 0),
                catalog.add(4, 1, "Two left", 100, 2));
        assertThat(InStockFirst.order(in)).extracting(Product::id).containsExactly(2L, 4L, 1L, 3L);
    }

    @Test
    void aListAlreadyInOrderIsReturnedAsItIs() {
        List<Product> in = List.of(catalog.add(1, 1, "In stock", 100, 5), catalog.add(2, 1, "Sold out", 100, 0));
        assertThat(InStockFirst.order(in)).isSameAs(in);
        assertThat(InStockFirst.order(List.of())).isEmpty();
    }
}
