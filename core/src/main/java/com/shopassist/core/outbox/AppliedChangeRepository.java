package com.shopassist.core.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the replayed changes the store's shared database has applied, by the id the kiosk gave
 * them (decision 0096). Written in the same transaction as the change: a change found here is
 * never applied again. Rows are only ever inserted.
 */
public interface AppliedChangeRepository {

    Optional<ChangeOutcome> find(UUID changeId);

    /**
     * Records the change as applied with its outcome.
     *
     * @throws ChangeAlreadyAppliedException when another transaction recorded it first (the caller's
     *     transaction must roll back: the change is that other one's)
     */
    void record(UUID changeId, CartChange.Kind kind, ChangeOutcome outcome, String kioskId, Instant at);

    /**
     * Whether the session presented now lets the store's database act for this customer (row-level
     * security keyed on it, decision 0080); always true where no row security binds the caller.
     */
    boolean actsFor(long customerId);

    /**
     * Tells the customer, with a notice on their cart, that {@code waiting} changes they made at
     * this kiosk while the store could not be reached wait there for them to sign in again
     * (decision 0087): possible with the token of a session that has ended, which the presented
     * session is. False when the store knows no such session (swept, or an unknown token).
     */
    boolean noteChangesWaiting(long customerId, int waiting, String kioskId, Instant at);

    /** The customer's changes that waited at this kiosk went through: their notice goes. */
    void changesCaughtUp(long customerId, String kioskId);
}
