package com.shopassist.core.outbox;

/**
 * A customer's queued change cannot be replayed now: neither the session it was made under nor the
 * one this kiosk presents now lets the store's database act for that customer (the session expired
 * or was revoked there, decision 0087). Nothing of the change was made; it keeps waiting until the
 * customer signs in again at this kiosk.
 */
public final class SessionEndedException extends RuntimeException {

    public SessionEndedException(long customerId) {
        super("no session of customer " + customerId + " is valid at the store any more", null, false, false);
    }
}
