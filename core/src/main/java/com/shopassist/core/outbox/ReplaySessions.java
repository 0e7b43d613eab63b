package com.shopassist.core.outbox;

import java.util.function.Supplier;

/**
 * Port: the sign-in session a kiosk presents to the store's database, which row-level security
 * keys a customer's rows on under a kiosk role (decision 0080). A change queued for a customer
 * keeps the session it was made under, and its replay presents that session again (decision 0087),
 * so a shopper who signed out before the store came back still gets their changes.
 *
 * <p>A token is a secret: it is kept only in the kiosk's own local database and never logged.
 */
public interface ReplaySessions {

    /** Presents no session ever: a store database without row security (its owner's role), tests. */
    ReplaySessions NONE = new ReplaySessions() {
        @Override
        public String presented() {
            return null;
        }

        @Override
        public <T> T as(String token, Supplier<T> work) {
            return work.get();
        }
    };

    /** The token this kiosk presents now, null when it presents none (a guest). */
    String presented();

    /** Runs {@code work} on this thread presenting {@code token} (null: none), then restores. */
    <T> T as(String token, Supplier<T> work);
}
