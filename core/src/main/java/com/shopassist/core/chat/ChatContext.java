package com.shopassist.core.chat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.customer.Customer;
import java.util.Locale;
import java.util.UUID;

/**
 * Who is talking, held by the session and handed to the assistant and its tools out of band:
 * never taken from anything a shopper or a model typed. {@code customer} is null for a guest.
 * {@code clerkId} is set when a clerk acts for the customer.
 */
public record ChatContext(UUID chatSessionId, CartOwner owner, Customer customer, Long clerkId, Locale uiLocale) {

    public boolean isGuest() {
        return customer == null;
    }

    public Long customerId() {
        return customer == null ? null : customer.id();
    }

    /** Budget tier: GUEST, FREE or PREMIUM. */
    public String tier() {
        return customer == null ? "GUEST" : customer.tier().name();
    }
}
