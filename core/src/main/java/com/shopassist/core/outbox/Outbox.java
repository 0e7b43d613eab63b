package com.shopassist.core.outbox;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.common.DataUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kiosk's cart outbox (decision 0096): changes made while the store's database cannot be reached
 * wait here, in the kiosk's local database, and are replayed in order when it answers again, each
 * exactly once ({@link ChangeReplayer}).
 *
 * <p>A change is marked done here only after the store's database committed it. A kiosk killed
 * between the two finds the change applied there on its next replay (by its id) and only marks it:
 * nothing is applied twice, nothing is lost. One replay runs at a time in a process.
 */
public final class Outbox implements OutboxWatch {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How many batches of changes are read at a time. */
    static final int BATCH = 200;
    /** A change that fails this often for no reason the store states is given up (recorded as refused). */
    static final int MAX_ATTEMPTS = 3;
    /** Done changes are kept this long for store IT to look at. */
    static final Duration KEEP_DONE = Duration.ofDays(7);
    /** What store IT reads on a change that waits for its customer's session (not a failure). */
    static final String PARKED =
            "waits for the customer to sign in again at this kiosk: their session ended at the store";

    private final OutboxRepository changes;
    private final ChangeReplayer replayer;
    private final Executor background;
    private final Clock clock;
    private final Object queueLock = new Object();
    private final ReentrantLock replaying = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<Consumer<ReplayReport>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param changes the kiosk's local outbox
     * @param replayer applies a change to the store's shared database
     * @param background where {@link #replayLater()} runs a replay
     */
    public Outbox(OutboxRepository changes, ChangeReplayer replayer, Executor background, Clock clock) {
        this.changes = Objects.requireNonNull(changes, "changes");
        this.replayer = Objects.requireNonNull(replayer, "replayer");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Queues a change. {@code base} is the cart it applies to, kept only when the owner has no
     * change waiting yet (then it is the last cart read from the store's database).
     */
    public void queue(CartChange change, LastKnownCart base) {
        // a customer's change keeps the session it is made under: its replay presents it (0087)
        if (!change.owner().isGuest() && change.session() == null) {
            change = change.withSession(replayer.presentedSession());
        }
        synchronized (queueLock) {
            changes.append(change, base);
        }
    }

    public boolean hasPending(CartOwner owner) {
        return changes.hasPending(owner);
    }

    /** How many changes wait to be replayed. */
    public int pendingCount() {
        return changes.pendingCount();
    }

    /** How many changes wait, since when, and what failed (store IT). */
    public OutboxRepository.Summary summary() {
        return changes.summary();
    }

    @Override
    public boolean queuesChanges() {
        return true;
    }

    @Override
    public int waiting() {
        return pendingCount();
    }

    /** The owner's waiting changes, in order. */
    public List<CartChange> pendingOf(CartOwner owner) {
        return changes.pendingOf(owner);
    }

    public Optional<LastKnownCart> base(CartOwner owner) {
        return changes.base(owner);
    }

    /** Told after each replay that did something (on the replaying thread). */
    @Override
    public void addListener(Consumer<ReplayReport> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Replays on the background executor, unless a replay is already waiting to run there. */
    public void replayLater() {
        if (!scheduled.compareAndSet(false, true)) return;
        background.execute(() -> {
            scheduled.set(false);
            try {
                replay();
            } catch (RuntimeException e) {
                LOG.warn("outbox replay failed", e);
            }
        });
    }

    /**
     * Replays every waiting change in order, waiting for a replay already running to finish first.
     * Stops at the first change the store's database cannot take now (it is unreachable, or the
     * change failed for no stated reason); that change and the ones after it wait for the next
     * replay.
     */
    public ReplayReport replay() {
        replaying.lock();
        try {
            return replayLocked();
        } finally {
            replaying.unlock();
        }
    }

    private ReplayReport replayLocked() {
        int applied = 0, adjusted = 0, rejected = 0, orders = 0;
        Set<CartOwner> owners = new HashSet<>();
        Map<CartOwner, Optional<LastKnownCart>> bases = new HashMap<>();
        String stopped = null;
        Set<CartOwner> parked = new HashSet<>();
        // owners that waited for a session first: their oldest change, then (if it went) the rest
        List<CartChange> retried = changes.parkedFirst();
        boolean retrying = !retried.isEmpty();
        run:
        while (true) {
            List<CartChange> batch = retrying ? retried : changes.pending(BATCH);
            retrying = false;
            if (batch.isEmpty()) break;
            Map<CartOwner, CartChange> latest = changes.latestPending();
            for (CartChange change : batch) {
                if (parked.contains(change.owner())) continue;
                ChangeOutcome outcome;
                try {
                    outcome = replayer.apply(change);
                } catch (DataUnavailableException e) {
                    stopped = "the store database cannot be reached";
                    break run;
                } catch (SessionEndedException e) {
                    park(change);
                    parked.add(change.owner());
                    continue;
                } catch (RuntimeException e) {
                    int attempts = changes.recordFailure(change.changeId(), String.valueOf(e));
                    LOG.warn("outbox change {} failed (attempt {})", change.changeId(), attempts, e);
                    if (attempts < MAX_ATTEMPTS) {
                        stopped = "change " + change.changeId() + " failed: " + e;
                        break run;
                    }
                    try {
                        outcome = replayer.giveUp(change, e);
                    } catch (SessionEndedException ended) {
                        park(change);
                        parked.add(change.owner());
                        continue;
                    } catch (RuntimeException again) {
                        stopped = "change " + change.changeId() + " failed: " + again;
                        break run;
                    }
                }
                // only now: the shared side has committed the change (or its refusal)
                if (retried.contains(change)) {
                    changes.unpark(change.owner());
                    LOG.info(
                            "outbox: the changes that waited for customer {} to sign in again replay now",
                            change.owner().customerId());
                }
                CartChange last = latest.get(change.owner());
                boolean lastOfOwner = last != null && last.changeId().equals(change.changeId());
                if (lastOfOwner) holdLinesAgainAfter(change);
                Optional<LastKnownCart> base = bases.computeIfAbsent(change.owner(), changes::base);
                LastKnownCart after = base.isPresent() ? folded(base.get(), change, outcome) : null;
                changes.markDone(change.changeId(), outcome, clock.instant(), after);
                if (after != null) bases.put(change.owner(), Optional.of(after));
                // a notice of changes waiting here goes with the customer's last one, also when the replay
                // that unparked them was cut before it (one short transaction per customer and replay)
                if (lastOfOwner && !change.owner().isGuest() && !holdsAgainAfter(change)) caughtUp(change);
                owners.add(change.owner());
                switch (outcome.status()) {
                    case APPLIED -> applied++;
                    case ADJUSTED -> adjusted++;
                    case REJECTED -> rejected++;
                    case ORDER_PLACED -> orders++;
                }
            }
        }
        synchronized (queueLock) {
            changes.forgetDone(clock.instant().minus(KEEP_DONE));
        }
        ReplayReport report =
                new ReplayReport(applied, adjusted, rejected, orders, changes.pendingCount(), owners, stopped);
        if (report.replayed() > 0 || stopped != null) {
            for (Consumer<ReplayReport> l : listeners) {
                try {
                    l.accept(report);
                } catch (RuntimeException e) {
                    LOG.warn("an outbox listener failed", e);
                }
            }
        }
        return report;
    }

    /**
     * No session lets the store act for the change's customer any more (they signed out or were
     * reset, and the session ended there before the store came back): their changes stay here,
     * skipped until a replay finds a session that does (they sign in again at this kiosk, or a
     * clerk serves them), and the customer is told on their cart at the store, where any kiosk
     * shows it. Said once, when the owner is first parked; a notice that could not be left then
     * (the store failed to answer) is tried again on each replay until the store answers.
     */
    private void park(CartChange change) {
        int waiting = changes.park(change.owner(), PARKED, clock.instant());
        if (waiting == 0) {
            // parked before and told then, unless the store did not answer: the token still kept
            // with the oldest change says the notice is still owed
            if (change.session() == null) return;
            Boolean told = noteWaiting(change, changes.pendingOf(change.owner()).size());
            if (told != null && told) {
                LOG.info(
                        "outbox: a notice on the cart of customer {} now says their changes wait here",
                        change.owner().customerId());
            }
            return;
        }
        Boolean told = noteWaiting(change, waiting);
        LOG.warn(
                "outbox: {} change(s) of customer {} wait on this kiosk until they sign in here again (or a clerk"
                        + " serves them): the session they were made under has ended at the store; {}",
                waiting,
                change.owner().customerId(),
                told == null
                        ? "no notice could be left on their cart yet (tried again on the next replay)"
                        : told
                                ? "a notice on their cart says so"
                                : "the store knows that session no longer: no notice left");
    }

    /**
     * Leaves the notice of the owner's waiting changes; null when the store did not answer. Once it
     * has (a notice left, or that session unknown there), the parked changes' tokens are forgotten:
     * the sessions have ended, and a later replay presents the one the kiosk presents then.
     */
    private Boolean noteWaiting(CartChange change, int waiting) {
        boolean told;
        try {
            told = replayer.noteWaiting(change, waiting);
        } catch (RuntimeException e) {
            LOG.debug(
                    "outbox: could not leave a notice on the cart of customer {}: {}",
                    change.owner().customerId(),
                    e.toString());
            return null;
        }
        changes.forgetSessions(change.owner());
        return told;
    }

    /** A customer's changes that waited for a session all went: the notice that said so goes. */
    private void caughtUp(CartChange last) {
        try {
            replayer.caughtUp(last);
        } catch (SessionEndedException | DataUnavailableException e) {
            // no session acts for them now, or the store went: their next replayed change removes it
        } catch (RuntimeException e) {
            LOG.warn("outbox: a notice of waiting changes could not be removed: {}", e.toString());
        }
    }

    /**
     * The owner's base with a change the store took folded in, or null when it does not change
     * what the shopper sees (a refusal, a hold). A line the store took with fewer units is folded
     * with the units it kept (a line kept at 0 leaves the base), so a replay cut short never shows
     * more than the store holds.
     */
    static LastKnownCart folded(LastKnownCart base, CartChange change, ChangeOutcome outcome) {
        if (outcome.status() == ChangeOutcome.Status.REJECTED) return null;
        OfflineCartView.Lines lines = OfflineCartView.lines(base, List.of(change));
        Map<Long, Integer> quantities = new java.util.LinkedHashMap<>(lines.quantities());
        boolean lineChange = change.kind() == CartChange.Kind.ADD || change.kind() == CartChange.Kind.SET_QUANTITY;
        if (lineChange) {
            outcome.lineQuantity().ifPresent(kept -> {
                if (kept > 0) quantities.put(change.productId(), kept);
                else quantities.remove(change.productId());
            });
        }
        List<LastKnownCart.Line> after = new ArrayList<>();
        quantities.forEach((product, quantity) -> after.add(new LastKnownCart.Line(product, quantity)));
        LastKnownCart folded = new LastKnownCart(base.owner(), base.cartId(), after, lines.voucherCode(), base.asOf());
        return folded.equals(base) ? null : folded;
    }

    /**
     * Lines whose holds lapsed while the store could not be reached (an outage longer than the
     * hold time) hold their stock again once the owner's changes are replayed, or say what is
     * short: after the owner's last waiting change, a HOLD_AGAIN change of its own (queued before
     * that last change is marked done, so a kiosk killed in between still holds them again). Not
     * after the shopper left the kiosk (the holds were given back on purpose) or threw the cart
     * away.
     */
    private void holdLinesAgainAfter(CartChange last) {
        if (!holdsAgainAfter(last)) return;
        CartChange mark = CartChange.ofCart(last.owner(), CartChange.Kind.HOLD_AGAIN, clock.instant())
                .withSession(last.session());
        synchronized (queueLock) {
            changes.append(mark, LastKnownCart.empty(mark.owner(), mark.queuedAt()));
        }
    }

    /** Whether a HOLD_AGAIN follows this change when it is its owner's last. */
    private static boolean holdsAgainAfter(CartChange last) {
        return switch (last.kind()) {
            case HOLD_AGAIN, RELEASE_HOLDS, DISCARD -> false;
            default -> true;
        };
    }
}
