package com.shopassist.core.outbox;

import java.util.function.Consumer;

/**
 * What the window and the headless chat need of a kiosk's cart outbox: whether cart changes are
 * queued while the store's database does not answer, how many wait, and word when a replay changed
 * carts (the shopper's cart is read again, notices and all).
 */
public interface OutboxWatch {

    /** True when this kiosk queues cart changes while offline instead of refusing them. */
    boolean queuesChanges();

    /** How many changes wait to be replayed. */
    int waiting();

    /** Told after each replay that did something, on the replaying thread. */
    void addListener(Consumer<ReplayReport> listener);

    /** A kiosk without an outbox (the embedded default database needs none). */
    static OutboxWatch none() {
        return new OutboxWatch() {
            @Override
            public boolean queuesChanges() {
                return false;
            }

            @Override
            public int waiting() {
                return 0;
            }

            @Override
            public void addListener(Consumer<ReplayReport> listener) {}
        };
    }
}
