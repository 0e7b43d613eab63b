package com.shopassist.core.stock;

import java.time.Instant;

/**
 * Stock held for one cart line until {@code expiresAt}; it stops counting at that instant.
 * {@code kioskId} is the kiosk that took it or last changed it (null: none recorded).
 */
public record Hold(
        long holdId, long productId, Long cartId, int quantity, Instant createdAt, Instant expiresAt, String kioskId) {

    /** Live strictly before its expiry: a 30-minute hold counts at 29:59 and not at 30:00. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * Whether a kiosk leaving gives this hold back: the holds it took, and holds that name no
     * kiosk. A process with no kiosk id ({@code null}) gives back every hold.
     */
    public boolean takenBy(String kiosk) {
        return kiosk == null || kioskId == null || kioskId.equals(kiosk);
    }
}
