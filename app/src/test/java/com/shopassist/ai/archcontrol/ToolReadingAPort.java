package com.shopassist.ai.archcontrol;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import java.util.Optional;

/** A control for ArchitectureTest: a tool reading a core port instead of a service. Never used. */
public final class ToolReadingAPort {
    CartRepository carts;

    Optional<CartRecord> cart(CartOwner owner) {
        return carts.find(owner);
    }
}
