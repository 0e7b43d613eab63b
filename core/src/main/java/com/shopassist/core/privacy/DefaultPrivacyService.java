package com.shopassist.core.privacy;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link PrivacyService}: export is one JSON document; deletion anonymises the customer row,
 * deletes addresses and sessions, releases the cart, redacts chat content and strips the address
 * copy from orders, which are kept (tax law) under the anonymised customer. Each request is one
 * transaction.
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
    public String exportJson(long customerId) {
        return tx.inTransaction(() -> privacy.exportDocument(customerId, clock.instant()))
                .orElseThrow(() -> new NotFoundException("Customer", customerId));
    }

    @Override
    public void deleteAccount(long customerId) {
        tx.run(() -> {
            if (!privacy.lockCustomer(customerId)) throw new NotFoundException("Customer", customerId);
            carts.discard(CartOwner.customer(customerId));
            privacy.deleteAddresses(customerId);
            privacy.deleteSessions(customerId);
            privacy.redactChatsOf(customerId, REDACTED);
            privacy.forgetOrderAddresses(customerId);
            privacy.anonymise(
                    customerId, "deleted-" + customerId + "@anonymised.invalid", "Deleted customer", clock.instant());
        });
    }

    @Override
    public int purgeOldChatContent() {
        Instant before = clock.instant().minus(settings.chatRetention());
        return tx.inTransaction(() -> privacy.redactChatsBefore(before, REDACTED));
    }
}
