package com.shopassist.data.checkout;

import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every checkout test, idempotency and races included, run as a kiosk login role under
 * row-level security, each shopper's calls under their own presented session (decision 0080).
 */
class CheckoutAsKioskIT extends CheckoutIT {

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshWithKiosk(20));
    }
}
