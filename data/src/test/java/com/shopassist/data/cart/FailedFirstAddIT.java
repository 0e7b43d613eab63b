package com.shopassist.data.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A first add that fails leaves nothing behind: no line, no hold, and no empty cart row. */
class FailedFirstAddIT {

    static Database db;
    static CommerceFixture fx;
    static long category;
    static final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        category = fx.category("Kitchen", "Dapur");
        s = CommerceServices.create(db, clock, CommerceSettings.defaults(), "kiosk-first-add");
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void aShortFirstAddOfAGuestLeavesNoCartRow() {
        long toaster = fx.product(category, "Toaster", "Oxone", 250_000, 2);
        CartOwner guest = CartOwner.guest("kiosk-short-first-add");

        assertThatThrownBy(() -> s.carts().add(guest, toaster, 3)).isInstanceOf(InsufficientStockException.class);

        assertThat(cartRows(guest)).isZero();
        assertThat(fx.reservedOf(toaster)).isZero();
    }

    @Test
    void anUnknownProductLeavesNoCartRowForACustomer() {
        CartOwner customer = CartOwner.customer(fx.customer("Ani", "ani-first-add@example.com"));

        assertThatThrownBy(() -> s.carts().add(customer, 987_654_321L, 1)).isInstanceOf(NotFoundException.class);

        assertThat(cartRows(customer)).isZero();
    }

    @Test
    void anInactiveProductLeavesNoCartRow() {
        long old = fx.product(category, "Old Kettle", "Philips", 100_000, 5);
        fx.exec("UPDATE tbl_product SET is_active = false WHERE product_id = " + old);
        CartOwner guest = CartOwner.guest("kiosk-inactive-first-add");

        assertThatThrownBy(() -> s.carts().add(guest, old, 1)).isInstanceOf(NotFoundException.class);

        assertThat(cartRows(guest)).isZero();
    }

    @Test
    void aQuantityOutOfRangeLeavesNoCartRow() {
        long pan = fx.product(category, "Pan", "Tefal", 200_000, 5);
        CartOwner guest = CartOwner.guest("kiosk-bad-quantity");

        assertThatThrownBy(() -> s.carts().add(guest, pan, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> s.carts().setQuantity(guest, pan, 1000)).isInstanceOf(ValidationException.class);

        assertThat(cartRows(guest)).isZero();
    }

    @Test
    void aShortSetQuantityOnACartThatDoesNotExistLeavesNoCartRow() {
        long kettle = fx.product(category, "Kettle", "Philips", 300_000, 1);
        CartOwner guest = CartOwner.guest("kiosk-short-set");

        assertThatThrownBy(() -> s.carts().setQuantity(guest, kettle, 2))
                .isInstanceOf(InsufficientStockException.class);

        assertThat(cartRows(guest)).isZero();
    }

    private static long cartRows(CartOwner owner) {
        return owner.isGuest()
                ? fx.queryLong("SELECT count(*) FROM tbl_cart WHERE guest_key = ?", owner.guestKey())
                : fx.queryLong("SELECT count(*) FROM tbl_cart WHERE customer_id = ?", owner.customerId());
    }
}
