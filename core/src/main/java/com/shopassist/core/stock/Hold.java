package com.shopassist.core.stock;

import java.time.Instant;

/** Stock held for one cart line until {@code expiresAt}; it stops counting at that instant. */
public record Hold(long holdId, long productId, Long cartId, int quantity, Instant createdAt, Instant expiresAt) {

    /** Live strictly before its expiry: a 30-minute hold counts at 29:59 and not at 30:00. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
