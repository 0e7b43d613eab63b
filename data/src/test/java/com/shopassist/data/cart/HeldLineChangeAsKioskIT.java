package com.shopassist.data.cart;

import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;

/**
 * {@link HeldLineChangeIT} as a kiosk login role: the one-statement change of a held line (cart,
 * line, hold, guarded update, movement) passes row-level security and the kiosk's grants.
 */
class HeldLineChangeAsKioskIT extends HeldLineChangeIT {

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshWithKiosk(THREADS + 2));
    }
}
