package com.shopassist.data.order;

import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/** {@link OrderServiceIT} with the shopper's steps as a kiosk login role under row-level security. */
class OrderServiceAsKioskIT extends OrderServiceIT {

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshWithKiosk(4));
    }
}
