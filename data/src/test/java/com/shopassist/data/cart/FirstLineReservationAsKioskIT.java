package com.shopassist.data.cart;

import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link FirstLineReservationIT} as a kiosk login role: the one-statement first add (cart, line,
 * hold, guarded update, movement) passes row-level security, including for a cart the same
 * statement creates.
 */
class FirstLineReservationAsKioskIT extends FirstLineReservationIT {

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshWithKiosk(THREADS + 2));
    }
}
