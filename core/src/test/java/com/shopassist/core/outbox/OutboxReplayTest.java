package com.shopassist.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.CartItemDetail;
import com.shopassist.core.cart.CartNotice;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartRecord;
import com.shopassist.core.cart.CartRepository;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.CartService.LineOutcome;
import com.shopassist.core.checkout.CheckoutRepository;
import com.shopassist.core.checkout.CheckoutService;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.order.OrderStatus;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What a replay decides, change by change, over stand-ins that record what it asks the store: the
 * order, exactly once, the outcome of every conflict, and what stops it.
 */
class OutboxReplayTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CartOwner SITI = CartOwner.customer(7);
    static final long KETTLE = 11;

    final List<String> asked = new ArrayList<>();
    final List<CartNotice> notices = new ArrayList<>();
    final Fakes.MemoryOutbox outboxRows = new Fakes.MemoryOutbox();
    final Fakes.MemoryLedger ledger = new Fakes.MemoryLedger();
    /** What the store can hold now of each product (absent: all that is asked). */
    final Map<Long, Integer> free = new HashMap<>();

    Money priceNow = Money.of(300_000);
    RuntimeException storeFails;
    RuntimeException checkoutFails;
    boolean keyPlacedBefore;
    Money orderTotal = Money.of(300_000);

    LineOutcome keep(long productId, int wanted) {
        if (storeFails != null) throw storeFails;
        return new LineOutcome(productId, wanted, Math.min(wanted, free.getOrDefault(productId, wanted)));
    }

    Function<Object[], Object> ask(String what, Object answer) {
        return args -> {
            if (storeFails != null) throw storeFails;
            asked.add(what);
            return answer;
        };
    }

    final CartService store = Fakes.of(
            CartService.class,
            Map.ofEntries(
                    Map.entry("addAtMost", a -> {
                        LineOutcome o = keep((Long) a[1], (Integer) a[2]);
                        asked.add("add " + a[2]);
                        return o;
                    }),
                    Map.entry("setQuantityAtMost", a -> {
                        LineOutcome o = keep((Long) a[1], (Integer) a[2]);
                        asked.add("set " + a[2]);
                        return o;
                    }),
                    Map.entry("remove", ask("remove", null)),
                    Map.entry("clear", ask("clear", null)),
                    Map.entry("applyVoucher", a -> {
                        asked.add("voucher " + a[1]);
                        throw new VoucherNotApplicableException(
                                (String) a[1], VoucherRejection.EXPIRED, "Voucher " + a[1] + " expired");
                    }),
                    Map.entry("removeVoucher", ask("no voucher", null)),
                    Map.entry("releaseHolds", ask("release", null)),
                    Map.entry("discard", ask("discard", null)),
                    Map.entry("holdLinesAgain", a -> {
                        asked.add("hold again");
                        int left = free.getOrDefault(KETTLE, 3);
                        return left >= 3 ? List.of() : List.of(new LineOutcome(KETTLE, 3, left));
                    })));

    final CartRepository rows = Fakes.of(
            CartRepository.class,
            Map.of(
                    "find",
                    a -> Optional.of(new CartRecord(1, 7L, null, null)),
                    "details",
                    a -> List.of(new CartItemDetail(KETTLE, "Kettle", "Philips", priceNow, 1, 5, null, true)),
                    "addNotice",
                    a -> {
                        notices.add((CartNotice) a[1]);
                        return null;
                    }));

    final CheckoutService checkout = Fakes.of(CheckoutService.class, Map.of("checkout", a -> {
        asked.add("checkout " + a[2]);
        if (checkoutFails != null) throw checkoutFails;
        return new Order(
                99,
                "SA-20261125-000099",
                7,
                OrderStatus.PENDING,
                List.of(),
                orderTotal,
                Money.ZERO,
                orderTotal,
                null,
                (Long) a[1],
                "Rumah",
                NOW,
                null,
                null,
                null,
                null);
    }));

    final CheckoutRepository keys = Fakes.of(
            CheckoutRepository.class,
            Map.of(
                    "find",
                    a -> keyPlacedBefore
                            ? Optional.of(new CheckoutRepository.CheckoutRecord((String) a[0], 7, 99))
                            : Optional.empty()));

    final ChangeReplayer replayer = new ChangeReplayer(
            store, checkout, rows, keys, ledger, ledger, Fakes.DIRECT, CLOCK, "kiosk-t", ReplaySessions.NONE);
    final List<Runnable> later = new ArrayList<>();
    final Outbox outbox = new Outbox(outboxRows, replayer, later::add, CLOCK);

    void queue(CartChange c) {
        outbox.queue(c, LastKnownCart.empty(c.owner(), NOW));
    }

    CartChange add(int n) {
        return CartChange.add(SITI, KETTLE, n, Money.of(300_000), NOW);
    }

    @Test
    void changesReplayInOrderEachRecordedOnceAndTheLinesAreHeldAgainAfterTheLast() {
        queue(add(2));
        queue(CartChange.setQuantity(SITI, KETTLE, 3, Money.of(300_000), NOW));
        queue(CartChange.ofCart(SITI, CartChange.Kind.REMOVE_VOUCHER, NOW));
        queue(CartChange.remove(SITI, 12, NOW));
        queue(CartChange.ofCart(SITI, CartChange.Kind.CLEAR, NOW));

        ReplayReport report = outbox.replay();

        assertThat(asked).containsExactly("add 2", "set 3", "no voucher", "remove", "clear", "hold again");
        assertThat(report.applied()).isEqualTo(6);
        assertThat(report.waiting()).isZero();
        assertThat(report.owners()).containsExactly(SITI);
        assertThat(ledger.applied).hasSize(6);
        assertThat(outbox.pendingCount()).isZero();

        asked.clear();
        assertThat(outbox.replay().replayed()).isZero();
        assertThat(asked).isEmpty();
    }

    @Test
    void aChangeTheStoreHasAlreadyIsOnlyMarkedDoneHere() {
        CartChange c = add(2);
        queue(c);
        ledger.applied.put(c.changeId(), ChangeOutcome.ADJUSTED);

        outbox.replay();

        assertThat(asked).containsExactly("hold again");
        assertThat(outboxRows.done.get(c.changeId())).isEqualTo(ChangeOutcome.ADJUSTED);
    }

    @Test
    void killedAfterTheStoreCommittedTheRestartDoesNotApplyItAgain() {
        queue(add(2));
        outboxRows.markingFails = new IllegalStateException("killed");
        assertThatThrownBy(outbox::replay).hasMessage("killed");
        assertThat(asked).containsExactly("add 2");

        outboxRows.markingFails = null;
        ReplayReport restarted = new Outbox(outboxRows, replayer, later::add, CLOCK).replay();

        assertThat(asked).containsExactly("add 2", "hold again");
        assertThat(restarted.waiting()).isZero();
    }

    @Test
    void anotherReplayRecordingTheSameChangeFirstWins() {
        queue(CartChange.ofCart(SITI, CartChange.Kind.RELEASE_HOLDS, NOW));
        ledger.raceWith = ChangeOutcome.APPLIED;

        ReplayReport report = outbox.replay();

        assertThat(report.applied()).isEqualTo(1);
        assertThat(ledger.applied).hasSize(1);
    }

    @Test
    void theStoreGoingAwayStopsTheReplayAndKeepsTheRestInOrder() {
        CartChange first = add(1);
        queue(first);
        queue(add(2));
        ReplayReport partly = new Outbox(outboxRows, onlyFirst(first), later::add, CLOCK).replay();

        assertThat(partly.stoppedBecause()).contains("cannot be reached");
        assertThat(partly.waiting()).isEqualTo(1);
        assertThat(outboxRows.attempts).isEmpty(); // an outage is no failure of the change
    }

    /** The store answers the first change, then goes away. */
    private ChangeReplayer onlyFirst(CartChange first) {
        return new ChangeReplayer(
                Fakes.of(CartService.class, Map.of("addAtMost", a -> {
                    if ((Integer) a[2] != first.quantity()) {
                        throw new DataUnavailableException("gone", null);
                    }
                    return new LineOutcome(KETTLE, 1, 1);
                })),
                checkout,
                rows,
                keys,
                ledger,
                ledger,
                Fakes.DIRECT,
                CLOCK,
                "kiosk-t",
                ReplaySessions.NONE);
    }

    @Test
    void aChangeThatKeepsFailingForNoStatedReasonIsRefusedSoTheRestCanGo() {
        CartChange broken = add(1);
        queue(broken);
        queue(CartChange.ofCart(SITI, CartChange.Kind.DISCARD, NOW));
        storeFails = new IllegalStateException("a bug");

        assertThat(outbox.replay().stoppedBecause()).contains("a bug");
        assertThat(outbox.replay().stoppedBecause()).contains("a bug");
        storeFails = new IllegalStateException("a bug");
        ReplayReport third = outbox.replay();

        assertThat(outboxRows.done.get(broken.changeId())).isEqualTo(ChangeOutcome.rejected("REPLAY_FAILED"));
        assertThat(third.rejected()).isEqualTo(1);
        assertThat(outboxRows.attempts.get(broken.changeId())).isEqualTo(3);
        assertThat(third.stoppedBecause()).contains("a bug"); // the discard meets the same store
    }

    @Test
    void stockGoneKeepsTheLineAtZeroWithANote() {
        free.put(KETTLE, 0);
        queue(add(2));

        ReplayReport report = outbox.replay();

        assertThat(notices).extracting(CartNotice::kind).contains(CartNotice.Kind.UNAVAILABLE);
        assertThat(notices.get(0).requested()).isEqualTo(2);
        assertThat(report.adjusted()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void fewerUnitsKeepWhatThereIsAndAChangedPriceIsTold() {
        free.put(KETTLE, 1);
        priceNow = Money.of(320_000);
        queue(add(3));

        outbox.replay();

        assertThat(notices)
                .extracting(CartNotice::kind)
                .containsExactly(CartNotice.Kind.SHORT, CartNotice.Kind.PRICE_CHANGED, CartNotice.Kind.SHORT);
        assertThat(notices.get(0).kept()).isEqualTo(1);
        assertThat(notices.get(1).priceSeen()).isEqualTo(Money.of(300_000));
        assertThat(notices.get(1).priceNow()).isEqualTo(Money.of(320_000));
        assertThat(notices.get(1).message()).isEqualTo("The price of Kettle changed from Rp 300.000 to Rp 320.000");
    }

    @Test
    void aVoucherThatNoLongerAppliesIsRefusedWithItsReason() {
        queue(CartChange.applyVoucher(SITI, "HEMAT10", NOW));
        queue(CartChange.ofCart(SITI, CartChange.Kind.RELEASE_HOLDS, NOW));

        ReplayReport report = outbox.replay();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.applied()).isEqualTo(1);
        assertThat(notices).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.VOUCHER_REJECTED);
            assertThat(n.reason()).isEqualTo("EXPIRED");
            assertThat(n.message()).isEqualTo("Voucher HEMAT10 could not be applied (EXPIRED)");
        });
        assertThat(ledger.applied.values()).contains(ChangeOutcome.rejected("VOUCHER_EXPIRED"));
    }

    @Test
    void aQueuedCheckoutBecomesTheOrder() {
        CartChange request = CartChange.checkout(SITI, 3, "co-queued-1", Money.of(300_000), NOW);
        queue(request);

        ReplayReport report = outbox.replay();

        assertThat(report.ordersPlaced()).isEqualTo(1);
        assertThat(outboxRows.done.get(request.changeId())).isEqualTo(ChangeOutcome.orderPlaced("SA-20261125-000099"));
        assertThat(request.reference()).matches("Q-[0-9A-F]{8}");
    }

    @Test
    void aQueuedCheckoutTheStoreCannotHonourIsRecordedForClerksAndToldWithTheCart() {
        checkoutFails = new InsufficientStockException(KETTLE, "Kettle", 2, 0, List.of());
        CartChange request = CartChange.checkout(SITI, 3, "co-queued-2", Money.of(300_000), NOW);
        queue(request);

        outbox.replay();

        assertThat(ledger.rejections).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo(request.reference());
            assertThat(r.reason()).isEqualTo("INSUFFICIENT_STOCK");
            assertThat(r.customerId()).isEqualTo(7);
            assertThat(r.kioskId()).isEqualTo("kiosk-t");
        });
        assertThat(notices).first().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(CartNotice.Kind.CHECKOUT_REJECTED);
            assertThat(n.message()).contains(request.reference()).contains("a clerk can help");
        });
    }

    @Test
    void aQueuedCheckoutThatWouldCostMoreIsRefusedUnlessItWasPlacedBeforeTheCut() {
        orderTotal = Money.of(350_000);
        queue(CartChange.checkout(SITI, 3, "co-dearer-1", Money.of(300_000), NOW));
        outbox.replay();
        assertThat(ledger.rejections)
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("PRICE_ROSE"));

        keyPlacedBefore = true; // the order exists already: it is the answer, whatever its total
        CartChange placed = CartChange.checkout(SITI, 3, "co-placed-1", Money.of(300_000), NOW);
        queue(placed);
        outbox.replay();
        assertThat(outboxRows.done.get(placed.changeId()).status()).isEqualTo(ChangeOutcome.Status.ORDER_PLACED);
    }

    @Test
    void aProductTheStoreNeverHadIsRefusedNotRetried() {
        queue(CartChange.add(SITI, 404, 1, null, NOW));
        CartService missing = Fakes.of(CartService.class, Map.of("addAtMost", a -> {
            throw new NotFoundException("Product", 404);
        }));
        ChangeReplayer r = new ChangeReplayer(
                missing, checkout, rows, keys, ledger, ledger, Fakes.DIRECT, CLOCK, "kiosk-t", ReplaySessions.NONE);

        ReplayReport report = new Outbox(outboxRows, r, later::add, CLOCK).replay();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(ledger.applied.values()).contains(ChangeOutcome.rejected("NOT_FOUND"));
    }

    @Test
    void replayLaterRunsOnTheBackgroundOnceWhateverHowOftenItIsAsked() {
        queue(CartChange.ofCart(SITI, CartChange.Kind.DISCARD, NOW));
        outbox.replayLater();
        outbox.replayLater();
        assertThat(later).hasSize(1);
        later.get(0).run();
        assertThat(asked).containsExactly("discard");
        assertThat(outbox.waiting()).isZero();
        assertThat(outbox.queuesChanges()).isTrue();
        assertThat(outbox.summary().waiting()).isZero();
    }

    @Test
    void listenersHearWhatAReplayDid() {
        List<ReplayReport> heard = new ArrayList<>();
        outbox.addListener(heard::add);
        outbox.addListener(r -> {
            throw new IllegalStateException("a broken listener does not stop the others");
        });
        queue(CartChange.ofCart(SITI, CartChange.Kind.DISCARD, NOW));

        outbox.replay();
        outbox.replay(); // nothing done: nothing told

        assertThat(heard)
                .singleElement()
                .satisfies(r -> assertThat(r.replayed()).isEqualTo(1));
    }

    /** Sessions by token as the store knows them, and the token presented on each call. */
    static final class TokenSessions implements ReplaySessions {
        final Map<String, Long> valid = new HashMap<>();
        final List<String> used = new ArrayList<>();
        String presented;
        String current;

        @Override
        public String presented() {
            return presented;
        }

        @Override
        public <T> T as(String token, java.util.function.Supplier<T> work) {
            String before = current;
            current = token;
            try {
                return work.get();
            } finally {
                current = before;
            }
        }

        boolean actsFor(long customerId) {
            used.add(current);
            return current != null && Long.valueOf(customerId).equals(valid.get(current));
        }
    }

    @Test
    void aCustomersChangeReplaysUnderTheSessionItWasMadeUnderAfterTheyLeft() {
        TokenSessions sessions = new TokenSessions();
        ledger.actsFor = sessions::actsFor;
        Outbox kiosk = new Outbox(outboxRows, replayerWith(sessions), later::add, CLOCK);
        sessions.presented = "siti-token";
        sessions.valid.put("siti-token", 7L);
        kiosk.queue(add(2), LastKnownCart.empty(SITI, NOW));
        sessions.presented = null; // signed out before the store came back

        ReplayReport report = kiosk.replay();

        assertThat(asked).containsExactly("add 2", "hold again");
        assertThat(report.applied()).isEqualTo(2);
        assertThat(sessions.used).containsOnly("siti-token");
        assertThat(outboxRows.changes.get(0).toString()).doesNotContain("siti-token");
    }

    @Test
    void aChangeWhoseSessionEndedWaitsForTheCustomerIsToldOnTheCartAndGoesWhenTheySignInAgain() {
        TokenSessions sessions = new TokenSessions();
        ledger.actsFor = sessions::actsFor;
        Outbox kiosk = new Outbox(outboxRows, replayerWith(sessions), later::add, CLOCK);
        sessions.presented = "expired-token";
        kiosk.queue(add(2), LastKnownCart.empty(SITI, NOW));
        kiosk.queue(
                CartChange.checkout(SITI, 3, "key-12345678", Money.of(600_000), NOW), LastKnownCart.empty(SITI, NOW));
        sessions.presented = null;
        CartOwner guest = CartOwner.guest("g-1");
        kiosk.queue(CartChange.ofCart(guest, CartChange.Kind.CLEAR, NOW), LastKnownCart.empty(guest, NOW));

        ReplayReport first = kiosk.replay();
        ReplayReport again = kiosk.replay();

        // nothing given up, nothing refused: the guest's change behind them went through
        assertThat(asked).containsExactly("clear", "hold again");
        assertThat(first.rejected() + again.rejected()).isZero();
        assertThat(outboxRows.attempts).isEmpty();
        assertThat(ledger.rejections).isEmpty();
        assertThat(kiosk.pendingOf(SITI)).hasSize(2);
        assertThat(ledger.waitingNoticed).containsEntry(7L, 2);
        // the store was told: the dead token is not kept on the kiosk's disk any longer
        assertThat(kiosk.pendingOf(SITI))
                .allSatisfy(c -> assertThat(c.session()).isNull());

        sessions.presented = "new-token"; // Siti signs in again here
        sessions.valid.put("new-token", 7L);
        ReplayReport signedIn = kiosk.replay();

        assertThat(asked).containsSequence("add 2", "checkout key-12345678");
        assertThat(signedIn.ordersPlaced()).isEqualTo(1);
        assertThat(kiosk.pendingOf(SITI)).isEmpty();
        assertThat(ledger.waitingNoticed).isEmpty();
    }

    /** Siti's add and checkout, queued under a session that has ended by the replay. */
    Outbox parkedSiti(TokenSessions sessions) {
        ledger.actsFor = sessions::actsFor;
        Outbox kiosk = new Outbox(outboxRows, replayerWith(sessions), later::add, CLOCK);
        sessions.presented = "expired-token";
        kiosk.queue(add(2), LastKnownCart.empty(SITI, NOW));
        kiosk.queue(
                CartChange.checkout(SITI, 3, "key-12345678", Money.of(600_000), NOW), LastKnownCart.empty(SITI, NOW));
        sessions.presented = null;
        return kiosk;
    }

    @Test
    void aNoticeOfWaitingChangesTheStoreDidNotTakeIsLeftOnALaterReplay() {
        TokenSessions sessions = new TokenSessions();
        Outbox kiosk = parkedSiti(sessions);
        ledger.notesFailing = 1;

        kiosk.replay();

        assertThat(ledger.waitingNoticed).isEmpty();
        assertThat(kiosk.pendingOf(SITI))
                .allSatisfy(c -> assertThat(c.session()).isEqualTo("expired-token"));

        kiosk.replay();

        assertThat(ledger.waitingNoticed).containsEntry(7L, 2);
        assertThat(kiosk.pendingOf(SITI))
                .allSatisfy(c -> assertThat(c.session()).isNull());
        kiosk.replay(); // told: not again
        assertThat(ledger.waitingNoticed).containsEntry(7L, 2);
    }

    @Test
    void aNoticeOfWaitingChangesGoesAlsoWhenTheReplayThatTookTheFirstOfThemWasCut() {
        TokenSessions sessions = new TokenSessions();
        Outbox kiosk = parkedSiti(sessions);
        kiosk.replay();
        assertThat(ledger.waitingNoticed).containsEntry(7L, 2);
        sessions.presented = "new-token"; // Siti signs in again here
        sessions.valid.put("new-token", 7L);
        checkoutFails = new DataUnavailableException("the store went away", null);

        ReplayReport cut = kiosk.replay();

        assertThat(cut.stoppedBecause()).isNotNull();
        assertThat(kiosk.pendingOf(SITI)).hasSize(1); // the add went, the checkout waits
        assertThat(ledger.waitingNoticed).containsEntry(7L, 2);
        checkoutFails = null;

        ReplayReport after = kiosk.replay();

        assertThat(after.ordersPlaced()).isEqualTo(1);
        assertThat(kiosk.pendingOf(SITI)).isEmpty();
        assertThat(ledger.waitingNoticed).isEmpty();
    }

    private ChangeReplayer replayerWith(ReplaySessions sessions) {
        return new ChangeReplayer(
                store, checkout, rows, keys, ledger, ledger, Fakes.DIRECT, CLOCK, "kiosk-t", sessions);
    }
}
