package com.shopassist.core.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KioskDepartureTest {

    @Test
    void aGuestsCartIsThrownAwayAndACustomersKeepsItsLinesButGivesBackItsHolds() {
        List<String> calls = new ArrayList<>();
        CartService carts = (CartService) Proxy.newProxyInstance(
                CartService.class.getClassLoader(), new Class<?>[] {CartService.class}, (p, m, args) -> {
                    calls.add(m.getName() + " " + args[0]);
                    return null;
                });
        CartOwner guest = CartOwner.guest("kiosk-guest-1");
        CartOwner customer = CartOwner.customer(7);

        KioskDeparture.releaseCart(carts, guest);
        KioskDeparture.releaseCart(carts, customer);

        assertThat(calls).containsExactly("discard " + guest, "releaseHolds " + customer);
    }
}
