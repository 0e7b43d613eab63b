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
}
