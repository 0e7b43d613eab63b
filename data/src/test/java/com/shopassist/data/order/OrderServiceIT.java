package com.shopassist.data.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.order.InvalidTransitionException;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order state machine as the owner role; {@link OrderServiceAsKioskIT} runs it with the
 * shopper's steps as a kiosk role (the back office's steps stay the owner's: no kiosk pays or
 * ships an order).
 */
class OrderServiceIT {

    static TestDatabase.Roles roles;
    static CommerceFixture fx;
    static MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");
    static CommerceServices s;
    static CommerceServices office;
    static long category;

    @BeforeAll
    static void up() {
        setUp(TestDatabase.freshOwnerOnly(4));
    }

    static void setUp(TestDatabase.Roles databases) {
        roles = databases;
        fx = new CommerceFixture(roles.owner());
        category = fx.category("Orders", null);
        s = CommerceServices.create(roles.kiosk(), clock, CommerceSettings.defaults());
        office = roles.kioskRole() ? CommerceServices.create(roles.owner(), clock, CommerceSettings.defaults()) : s;
    }

    @AfterAll
    static void down() {
        roles.close();
    }

    static Order order(long customer, long product, int quantity) {
        long existing = fx.queryLong(
                "SELECT COALESCE(max(customer_address_id), 0) FROM tbl_customer_address WHERE customer_id = ?",
                customer);
        long address = existing == 0 ? fx.address(customer, "Rumah") : existing;
        return roles.as(customer, () -> {
            s.carts().add(CartOwner.customer(customer), product, quantity);
            return s.checkout().checkout(customer, address, s.checkout().newIdempotencyKey());
        });
    }

    @Test
    void legalTransitionsMoveAndStampTheOrder() {
        long c = fx.customer("Maya", "maya@example.com");
        long p = fx.product(category, "Desk", "Brand", 1_000_000, 5);
        Order o = order(c, p, 1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(office.orders().changeStatus(o.id(), OrderStatus.PAID).paidAt())
                .isEqualTo(clock.instant());
        assertThat(office.orders().changeStatus(o.id(), OrderStatus.SHIPPED).shippedAt())
                .isNotNull();
        Order delivered = office.orders().changeStatus(o.id(), OrderStatus.DELIVERED);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThatThrownBy(() -> office.orders().changeStatus(o.id(), OrderStatus.CANCELLED))
                .isInstanceOf(InvalidTransitionException.class);
        assertThatThrownBy(() -> office.orders().changeStatus(o.id(), OrderStatus.PENDING))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void illegalJumpsAreRefused() {
        long c = fx.customer("Nina", "nina@example.com");
        long p = fx.product(category, "Chair", "Brand", 500_000, 5);
        Order o = order(c, p, 1);
        assertThatThrownBy(() -> office.orders().changeStatus(o.id(), OrderStatus.SHIPPED))
                .isInstanceOf(InvalidTransitionException.class)
                .hasMessageContaining(o.orderNumber());
        assertThatThrownBy(() -> office.orders().changeStatus(o.id(), OrderStatus.DELIVERED))
                .isInstanceOf(InvalidTransitionException.class);
        assertThat(roles.as(c, () -> s.orders().order(c, o.id())).orElseThrow().status())
                .isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void cancellingAPendingOrderReturnsItsStock() {
        long c = fx.customer("Oki", "oki@example.com");
        long p = fx.product(category, "Lamp", "Brand", 200_000, 5);
        Order o = order(c, p, 3);
        assertThat(fx.stockOf(p)).isEqualTo(2);

        Order cancelled = roles.as(c, () -> s.orders().cancel(c, o.id()));

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.cancelledAt()).isNotNull();
        assertThat(fx.stockOf(p)).isEqualTo(5);
        assertThat(fx.movements(p, "CANCEL_RETURN")).isEqualTo(1);
        assertThat(s.stock().stock(p).orElseThrow().available()).isEqualTo(5);
        assertThatThrownBy(() -> roles.as(c, () -> s.orders().cancel(c, o.id())))
                .isInstanceOf(InvalidTransitionException.class);
        assertThat(fx.stockOf(p)).isEqualTo(5);
    }

    @Test
    void aShopperCannotCancelAPaidOrderButTheBackOfficeCanAndStockComesBack() {
        long c = fx.customer("Putri", "putri@example.com");
        long p = fx.product(category, "Rug", "Brand", 700_000, 4);
        Order o = order(c, p, 2);
        office.orders().changeStatus(o.id(), OrderStatus.PAID);
        assertThatThrownBy(() -> roles.as(c, () -> s.orders().cancel(c, o.id())))
                .isInstanceOf(InvalidTransitionException.class);
        office.orders().changeStatus(o.id(), OrderStatus.CANCELLED);
        assertThat(fx.stockOf(p)).isEqualTo(4);
    }

    @Test
    void ordersAreScopedToTheirCustomer() {
        long c = fx.customer("Rina", "rina@example.com");
        long stranger = fx.customer("Sari", "sari@example.com");
        long p = fx.product(category, "Vase", "Brand", 90_000, 9);
        Order first = order(c, p, 1);
        Order second = order(c, p, 2);

        assertThat(roles.as(stranger, () -> s.orders().order(stranger, first.id())))
                .isEmpty();
        assertThat(roles.as(stranger, () -> s.orders().orderByNumber(stranger, first.orderNumber())))
                .isEmpty();
        assertThatThrownBy(() -> roles.as(stranger, () -> s.orders().cancel(stranger, first.id())))
                .isInstanceOf(NotFoundException.class);
        if (roles.kioskRole()) {
            // a kiosk role sees an order only under its customer's session, whichever customer it asks for
            assertThat(roles.as(stranger, () -> s.orders().order(c, first.id())))
                    .isEmpty();
        }
        assertThat(roles.as(
                        c, () -> s.orders().orderByNumber(c, first.orderNumber().toLowerCase())))
                .isPresent();
        var page = roles.as(c, () -> s.orders().orders(c, 1, 1));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Order::id).containsExactly(second.id());
    }
}
