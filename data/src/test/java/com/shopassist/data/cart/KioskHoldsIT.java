package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One customer signed in at two kiosks shares one cart; each kiosk's departure (idle reset,
 * sign-out) gives back only the stock that kiosk held (decision 0095).
 */
class KioskHoldsIT {

    static Database db;
    static CommerceFixture fx;
    static long category;
    static final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices kioskA;
    static CommerceServices kioskB;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(8);
        fx = new CommerceFixture(db);
        category = fx.category("Kitchen", "Dapur");
        kioskA = CommerceServices.create(db, clock, CommerceSettings.defaults(), "kiosk-a");
        kioskB = CommerceServices.create(db, clock, CommerceSettings.defaults(), "kiosk-b");
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void anIdleResetAtOneKioskReleasesOnlyTheHoldsThatKioskTook() {
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 10);
        long pan = fx.product(category, "Pan", "Tefal", 200_000, 10);
        CartOwner siti = CartOwner.customer(fx.customer("Siti", "siti-two-kiosks@example.com"));

        kioskA.carts().add(siti, kettle, 2); // the first add, one statement (decision 0018)
        kioskB.carts().add(siti, pan, 3);
        assertThat(kioskOfHold(kettle)).isEqualTo("kiosk-a");
        assertThat(kioskOfHold(pan)).isEqualTo("kiosk-b");

        kioskA.carts().releaseHolds(siti); // kiosk A's idle reset (KioskDeparture)

        assertThat(fx.liveHeld(kettle, clock.instant())).isZero();
        assertThat(fx.reservedOf(kettle)).isZero();
        assertThat(fx.liveHeld(pan, clock.instant())).isEqualTo(3);
        assertThat(fx.reservedOf(pan)).isEqualTo(3);
        // the customer's lines stay theirs (decision 0045)
        assertThat(kioskB.carts().cart(siti).lines())
                .extracting(l -> l.productId() + "x" + l.quantity())
                .containsExactlyInAnyOrder(kettle + "x2", pan + "x3");
    }

    @Test
    void aLineTheOtherKioskChangedLastIsThatKiosksHold() {
        long mug = fx.product(category, "Mug", "Ikea", 50_000, 10);
        CartOwner budi = CartOwner.customer(fx.customer("Budi", "budi-two-kiosks@example.com"));

        kioskA.carts().add(budi, mug, 1);
        kioskB.carts().add(budi, mug, 1); // the hold engine grows the same hold: now kiosk B's
        assertThat(kioskOfHold(mug)).isEqualTo("kiosk-b");

        kioskA.carts().releaseHolds(budi);
        assertThat(fx.liveHeld(mug, clock.instant())).isEqualTo(2);

        kioskB.carts().releaseHolds(budi);
        assertThat(fx.liveHeld(mug, clock.instant())).isZero();
        assertThat(fx.movements(mug, "RELEASE")).isEqualTo(1);
    }

    @Test
    void aHoldThatNamesNoKioskIsReleasedByAnyKiosksDeparture() {
        long jug = fx.product(category, "Jug", "Lock&Lock", 80_000, 10);
        CartOwner rina = CartOwner.customer(fx.customer("Rina", "rina-two-kiosks@example.com"));
        kioskA.carts().add(rina, jug, 2);
        fx.exec("UPDATE tbl_stock_hold SET kiosk_id = NULL WHERE product_id = " + jug); // taken before V155

        kioskB.carts().releaseHolds(rina);

        assertThat(fx.liveHeld(jug, clock.instant())).isZero();
        assertThat(fx.reservedOf(jug)).isZero();
    }

    private static String kioskOfHold(long productId) {
        return fx.queryString("SELECT kiosk_id FROM tbl_stock_hold WHERE product_id = ?", productId);
    }
}
