package com.shopassist.core.privacy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;

/**
 * {@link PrivacyService}: export is one JSON document; deletion releases the cart, then the store
 * erases the rest whole (anonymises the customer row, deletes addresses and sessions, redacts chat
 * content, strips the address copy from orders, which are kept under the anonymised customer). A
 * request is authorised first and is one transaction: a refused one changes nothing.
 */
public final class DefaultPrivacyService implements PrivacyService {

    private final PrivacyRepository privacy;
    private final CartService carts;
    private final Transactions tx;
    private final Clock clock;
    private final CommerceSettings settings;

    public DefaultPrivacyService(
            PrivacyRepository privacy, CartService carts, Transactions tx, Clock clock, CommerceSettings settings) {
        this.privacy = privacy;
        this.carts = carts;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public String exportJson(long customerId, char[] customerPassword) {
        try {
            return tx.inTransaction(() -> {
                        privacy.authorise(customerId, PrivacyRepository.Request.EXPORT, customerPassword);
                        return privacy.exportDocument(customerId, clock.instant());
                    })
                    .orElseThrow(() -> new NotFoundException("Customer", customerId));
        } finally {
            forget(customerPassword);
        }
    }

    @Override
    public void deleteAccount(long customerId, char[] customerPassword) {
        try {
            tx.run(() -> {
                privacy.authorise(customerId, PrivacyRepository.Request.ERASE, customerPassword);
                // the cart first: once erased, the customer's session (and with it their cart) is gone
                carts.discard(CartOwner.customer(customerId));
                if (!privacy.erase(customerId, REDACTED)) throw new NotFoundException("Customer", customerId);
            });
        } finally {
            forget(customerPassword);
        }
    }

    private static void forget(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }

    @Override
    public ChatPurge purgeOldChats() {
        Instant before = clock.instant().minus(settings.chatRetention());
        return tx.inTransaction(() -> privacy.purgeChatsBefore(before, REDACTED));
    }

    @Override
    public void attributeGuestChats(String guestKey, long customerId) {
        if (guestKey == null || guestKey.isBlank()) return;
        tx.run(() -> privacy.attributeGuestChats(guestKey, customerId));
    }
}
