package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartOwner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: the kiosk's durable outbox, in its own local database (decision 0096), never the store's.
 * Changes come back in the order they were appended.
 */
public interface OutboxRepository {

    /**
     * Appends the change, in one transaction with its owner's base: when the owner has no change
     * waiting, {@code base} becomes the cart their changes apply to; otherwise the base stays.
     */
    void append(CartChange change, LastKnownCart base);

    /** The oldest changes still waiting, in order, but none of an owner parked ({@link #park}). */
    List<CartChange> pending(int limit);

    /** The oldest waiting change of each parked owner. */
    List<CartChange> parkedFirst();

    /**
     * The owner's changes wait for a session that lets the store act for them (decision 0087):
     * {@link #pending} skips them until {@link #unpark}. Returns how many of the owner's changes
     * wait, 0 when the owner was parked already.
     */
    int park(CartOwner owner, String reason, Instant at);

    /**
     * The session tokens kept with the owner's parked changes are forgotten (the store has been
     * told they wait, or knows those sessions no longer): their replay presents the session the
     * kiosk presents then.
     */
    void forgetSessions(CartOwner owner);

    /** The owner's changes replay in their turn again. */
    void unpark(CartOwner owner);

    /** The owner's changes still waiting, in order. */
    List<CartChange> pendingOf(CartOwner owner);

    boolean hasPending(CartOwner owner);

    int pendingCount();

    /** The cart the owner's waiting changes apply to. */
    Optional<LastKnownCart> base(CartOwner owner);

    /** Each owner with changes waiting, and the latest of them. */
    Map<CartOwner, CartChange> latestPending();

    /**
     * The change was committed (or refused for good) by the store's database; the session token
     * kept with it is forgotten. In the same
     * transaction, when {@code baseAfter} is not null, the owner's base becomes it: the base with
     * this change in it, so the cart shown while later changes still wait (a replay cut short) keeps
     * what the store has taken.
     */
    void markDone(UUID changeId, ChangeOutcome outcome, Instant at, LastKnownCart baseAfter);

    /** Counts a failed attempt to replay the change; returns the attempts so far. */
    int recordFailure(UUID changeId, String error);

    /** How many changes wait, since when, and how many of them failed at least once (store IT). */
    Summary summary();

    /**
     * The outbox at a glance.
     *
     * @param oldest when the oldest waiting change was made (null: none waits)
     * @param failing waiting changes that failed at least once
     * @param lastError the latest failure of a waiting change (null: none)
     */
    record Summary(int waiting, Instant oldest, int failing, String lastError) {}

    /** Forgets changes done before {@code before}, and the bases of owners with nothing waiting. */
    void forgetDone(Instant before);
}
