package com.shopassist.data.stock;

import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** The stock races of {@link StockHoldConcurrencyIT}, as a kiosk login role under row-level security. */
class StockHoldConcurrencyAsKioskIT extends StockHoldConcurrencyIT {

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshWithKiosk(THREADS + 4));
    }
}
