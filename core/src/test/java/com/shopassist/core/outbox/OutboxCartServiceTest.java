package com.shopassist.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.voucher.DiscountType;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRejection;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Where a kiosk's cart change goes (decision 0096): to the store while it answers and nothing of
 * the owner waits, else into the outbox, checked against what the kiosk knows, and shown at once.
 */
class OutboxCartServiceTest {

    static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final CartOwner GUEST = CartOwner.guest("kiosk-guest");
    static final long KETTLE = 11;
    static final long PAN = 12;

    final List<String> asked = new ArrayList<>();
    final Fakes.MemoryOutbox outboxRows = new Fakes.MemoryOutbox();
    final Fakes.MemoryLedger ledger = new Fakes.MemoryLedger();
    final List<Runnable> later = new ArrayList<>();
    StoreStatus.Source source = StoreStatus.Source.SHARED;
    boolean storeDown;
    /** What the store's cart holds of the kettle (the online side). */
    int storeKettles;
    /** How many replayed adds the store takes before it goes away (a replay cut short). */
    int replayedAddsUntilDown = -1;
    /** How many kettles the store still has for a replayed add (the hold engine's answer). */
    int kettlesFree = Integer.MAX_VALUE;
    /** How many replayed hold checks the store takes before it goes away. */
    int holdChecksUntilDown = -1;
    /** The next add commits at the store, then its answer is lost with the connection. */
    boolean addCommitsThenDrops;
    /** Runs once while a read of the store's cart is on its way back (a shopper's thread meanwhile). */
    Runnable duringCartRead;

    final StoreStatus status = new StoreStatus() {
        @Override
        public Source source() {
            return source;
        }

        @Override
        public Optional<Instant> replicaAsOf() {
            return Optional.of(NOW);
        }

        @Override
        public void addListener(Consumer<Source> listener) {}
    };

    static Product product(long id, String name, long price, int stock) {
        return new Product(
                id,
                1,
                "Kitchen",
                "SKU-" + id,
                null,
                name,
                "Brand",
                Money.of(price),
                "Home",
                "",
                null,
                stock,
                stock,
                5,
                NOW);
    }

    final Map<Long, Product> replica =
            Map.of(KETTLE, product(KETTLE, "Kettle", 300_000, 5), PAN, product(PAN, "Pan", 200_000, 2));

    final CatalogService catalog = Fakes.of(
            CatalogService.class,
            Map.of(
                    "product",
                    a -> Optional.ofNullable(replica.get((Long) a[0])),
                    "products",
                    a -> {
                        List<Product> found = new ArrayList<>();
                        for (Object id : (List<?>) a[0]) {
                            if (replica.containsKey((Long) id)) found.add(replica.get((Long) id));
                        }
                        return found;
                    },
                    "alternatives",
                    a -> List.of(replica.get(KETTLE))));

    static final Voucher TEN = new Voucher(
            1,
            "HEMAT10",
            "10%",
            DiscountType.PERCENT,
            BigDecimal.TEN,
            Money.ZERO,
            null,
            null,
            0,
            NOW.minusSeconds(3600),
            NOW.plusSeconds(3600),
            true);

    final VoucherService vouchers = Fakes.of(
            VoucherService.class,
            Map.of(
                    "byCode", a -> "HEMAT10".equals(a[0]) ? Optional.of(TEN) : Optional.empty(),
                    "usableNow", a -> List.of(TEN)));

    Cart storeCart() {
        List<CartLine> lines = storeKettles == 0
                ? List.of()
                : List.of(new CartLine(
                        KETTLE,
                        "Kettle",
                        "Brand",
                        Money.of(300_000),
                        storeKettles,
                        Money.of(300_000L * storeKettles),
                        Money.ZERO,
                        5,
                        null));
        Money total = Money.of(300_000L * storeKettles);
        return new Cart(5, GUEST, lines, total, null, Money.ZERO, total, null, null);
    }

    Object atTheStore(String what, Runnable change) {
        asked.add(what);
        if (storeDown) throw new DataUnavailableException("gone", null);
        change.run();
        return storeCart();
    }

    final CartService store = Fakes.of(
            CartService.class,
            Map.of(
                    "cart",
                            a -> {
                                Object read = atTheStore("cart", () -> {});
                                Runnable meanwhile = duringCartRead;
                                duringCartRead = null;
                                if (meanwhile != null) meanwhile.run();
                                return read;
                            },
                    "add",
                            a -> {
                                Object after = atTheStore("add", () -> storeKettles += (Integer) a[2]);
                                if (!addCommitsThenDrops) return after;
                                addCommitsThenDrops = false;
                                throw new DataUnavailableException("the answer was lost", null);
                            },
                    "setQuantityAtMost",
                            a -> {
                                int kept = Math.min((Integer) a[2], kettlesFree);
                                atTheStore("replayed set", () -> storeKettles = kept);
                                return new CartService.LineOutcome((Long) a[1], (Integer) a[2], kept);
                            },
                    "setQuantity", a -> atTheStore("set", () -> storeKettles = (Integer) a[2]),
                    "discard", a -> atTheStore("discard", () -> storeKettles = 0),
                    "mergeGuestIntoCustomer", a -> atTheStore("merge", () -> {}),
                    "voucherOptions",
                            a -> {
                                atTheStore("options", () -> {});
                                return List.of();
                            },
                    "dismissNotices", a -> atTheStore("dismiss", () -> {}),
                    "addAtMost",
                            a -> {
                                if (replayedAddsUntilDown-- == 0) storeDown = true;
                                int wanted = storeKettles + (Integer) a[2];
                                int kept = Math.min(wanted, kettlesFree);
                                atTheStore("replayed add", () -> storeKettles = kept);
                                return new CartService.LineOutcome((Long) a[1], wanted, kept);
                            },
                    "holdLinesAgain",
                            a -> {
                                if (holdChecksUntilDown-- == 0) storeDown = true;
                                atTheStore("hold again", () -> {});
                                return List.of();
                            }));

    final ChangeReplayer replayer = new ChangeReplayer(
            store,
            Fakes.of(com.shopassist.core.checkout.CheckoutService.class, Map.of()),
            Fakes.of(
                    com.shopassist.core.cart.CartRepository.class,
                    Map.of(
                            "find",
                                    a -> Optional.of(
                                            new com.shopassist.core.cart.CartRecord(5, null, "kiosk-guest", null)),
                            "details", a -> List.of(),
                            "addNotice", a -> null)),
            Fakes.of(com.shopassist.core.checkout.CheckoutRepository.class, Map.of()),
            ledger,
            ledger,
            Fakes.DIRECT,
            CLOCK,
            "kiosk-t",
            ReplaySessions.NONE);
    final Outbox outbox = new Outbox(outboxRows, replayer, later::add, CLOCK);
    final OutboxCartService carts =
            new OutboxCartService(store, outbox, status, catalog, vouchers, new VoucherRules(ZoneId.of("UTC")), CLOCK);

    static Map<Long, Integer> quantities(Cart c) {
        Map<Long, Integer> q = new java.util.LinkedHashMap<>();
        for (CartLine l : c.lines()) q.put(l.productId(), l.quantity());
        return q;
    }

    @Test
    void whileTheStoreAnswersEveryChangeGoesThere() {
        Cart c = carts.add(GUEST, KETTLE, 2);
        // the first add reads the cart it changes: one that meets a cut is then queued as absolute
        assertThat(asked).containsExactly("cart", "add");
        assertThat(quantities(c)).isEqualTo(Map.of(KETTLE, 2));
        assertThat(outbox.pendingCount()).isZero();
        carts.add(GUEST, KETTLE, 1);
        carts.voucherOptions(GUEST);
        assertThat(asked).containsExactly("cart", "add", "add", "options");
    }

    @Test
    void offlineAChangeIsQueuedAndShownOverTheLastCartReadFromTheStore() {
        carts.add(GUEST, KETTLE, 1); // online: the store's cart has 1
        source = StoreStatus.Source.LOCAL;

        Cart seen = carts.add(GUEST, PAN, 2);
        seen = carts.add(GUEST, KETTLE, 1);

        assertThat(asked).containsExactly("cart", "add");
        assertThat(quantities(seen)).isEqualTo(Map.of(KETTLE, 2, PAN, 2));
        assertThat(seen.total()).isEqualTo(Money.of(2 * 300_000 + 2 * 200_000));
        assertThat(outbox.pendingOf(GUEST))
                .extracting(CartChange::kind)
                .containsExactly(CartChange.Kind.ADD, CartChange.Kind.ADD);
        assertThat(outbox.pendingOf(GUEST).get(0).priceSeen()).isEqualTo(Money.of(200_000));
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 2, PAN, 2));
        assertThat(asked).containsExactly("cart", "add"); // the cart too is shown from here
    }

    @Test
    void offlineTheKioskStillSaysNoToWhatItKnowsIsWrong() {
        source = StoreStatus.Source.LOCAL;
        assertThatThrownBy(() -> carts.add(GUEST, 999, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> carts.add(GUEST, PAN, 3))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.available()).isEqualTo(2);
                    assertThat(e.alternatives()).hasSize(1);
                });
        assertThatThrownBy(() -> carts.add(GUEST, PAN, 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> carts.setQuantity(GUEST, PAN, 1000)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> carts.applyVoucher(GUEST, "NOPE"))
                .isInstanceOfSatisfying(
                        VoucherNotApplicableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VoucherRejection.UNKNOWN_CODE));
        assertThatThrownBy(() -> carts.applyVoucher(GUEST, "HEMAT10"))
                .isInstanceOfSatisfying(
                        VoucherNotApplicableException.class,
                        e -> assertThat(e.reason()).isEqualTo(VoucherRejection.EMPTY_CART));
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void offlineEveryKindOfChangeIsQueuedAndShown() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 2);
        Cart withVoucher = carts.applyVoucher(GUEST, "hemat10");
        assertThat(withVoucher.voucherCode()).isEqualTo("HEMAT10");
        assertThat(withVoucher.total()).isEqualTo(Money.of(540_000));
        assertThat(carts.voucherOptions(GUEST))
                .singleElement()
                .satisfies(o -> assertThat(o.applies()).isTrue());
        assertThat(carts.removeVoucher(GUEST).voucherCode()).isNull();
        assertThat(quantities(carts.setQuantity(GUEST, KETTLE, 3))).isEqualTo(Map.of(KETTLE, 3));
        assertThat(carts.setQuantity(GUEST, KETTLE, 0).lines()).isEmpty();
        carts.add(GUEST, PAN, 1);
        assertThat(carts.remove(GUEST, PAN).lines()).isEmpty();
        carts.add(GUEST, PAN, 1);
        assertThat(carts.clear(GUEST).lines()).isEmpty();
        carts.releaseHolds(GUEST);
        carts.discard(GUEST);
        assertThat(carts.dismissNotices(GUEST).lines()).isEmpty();

        assertThat(outbox.pendingOf(GUEST))
                .extracting(CartChange::kind)
                .containsExactly(
                        CartChange.Kind.ADD,
                        CartChange.Kind.APPLY_VOUCHER,
                        CartChange.Kind.REMOVE_VOUCHER,
                        CartChange.Kind.SET_QUANTITY,
                        CartChange.Kind.REMOVE,
                        CartChange.Kind.ADD,
                        CartChange.Kind.REMOVE,
                        CartChange.Kind.ADD,
                        CartChange.Kind.CLEAR,
                        CartChange.Kind.RELEASE_HOLDS,
                        CartChange.Kind.DISCARD);
        assertThat(asked).isEmpty();
    }

    @Test
    void backOnlineAnOwnerWithChangesWaitingKeepsQueuingInOrderAndTheReplayIsAsked() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 1);
        source = StoreStatus.Source.SHARED;

        carts.add(GUEST, KETTLE, 1);

        assertThat(asked).isEmpty();
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(later).hasSize(1); // the outbox replays on its own thread
    }

    @Test
    void aChangeThatMetTheCutIsQueuedInAFormRightWhetherItCommittedOrNot() {
        carts.add(GUEST, KETTLE, 2); // the store has 2, and the kiosk read it
        storeDown = true;

        Cart seen = carts.add(GUEST, KETTLE, 1);

        assertThat(quantities(seen)).isEqualTo(Map.of(KETTLE, 3));
        assertThat(outbox.pendingOf(GUEST)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CartChange.Kind.SET_QUANTITY);
            assertThat(c.quantity()).isEqualTo(3);
        });
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 3));
    }

    @Test
    void anAddThatCommittedBeforeItsAnswerWasLostCountsOnceEvenWhenTheKioskHadNotReadTheCart() {
        storeKettles = 2; // put there at another kiosk; this one has not read the cart (a restart)
        addCommitsThenDrops = true;

        Cart seen = carts.add(GUEST, KETTLE, 1);

        assertThat(quantities(seen)).isEqualTo(Map.of(KETTLE, 3));
        assertThat(storeKettles).isEqualTo(3);
        outbox.replay();
        assertThat(storeKettles).isEqualTo(3); // not 4: the queued change was "3", not "1 more"
    }

    @Test
    void theFirstAddOfAGuestThisKioskJustStartedIsOneRoundTripAndStillCountsOnceAfterACut() {
        carts.guestStarted(GUEST.guestKey());

        carts.add(GUEST, KETTLE, 2);

        assertThat(asked).containsExactly("add"); // no read of a cart that cannot exist yet
        addCommitsThenDrops = true;
        Cart seen = carts.add(GUEST, KETTLE, 1);
        assertThat(quantities(seen)).isEqualTo(Map.of(KETTLE, 3));
        outbox.replay();
        assertThat(storeKettles).isEqualTo(3);
    }

    @Test
    void aGuestStartedHereWhoseFirstAddMeetsTheCutIsQueuedAsTheLineItMade() {
        carts.guestStarted(GUEST.guestKey());
        addCommitsThenDrops = true;

        Cart seen = carts.add(GUEST, KETTLE, 2);

        assertThat(asked).containsExactly("add");
        assertThat(quantities(seen)).isEqualTo(Map.of(KETTLE, 2));
        assertThat(outbox.pendingOf(GUEST)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CartChange.Kind.SET_QUANTITY);
            assertThat(c.quantity()).isEqualTo(2);
        });
        outbox.replay();
        assertThat(storeKettles).isEqualTo(2); // the add had committed: not 4
    }

    @Test
    void anAddWhoseCartCouldNotBeReadIsNotSentAndQueuedAsItWas() {
        storeDown = true;

        carts.add(GUEST, KETTLE, 1);

        assertThat(asked).containsExactly("cart");
        assertThat(outbox.pendingOf(GUEST)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CartChange.Kind.ADD);
            assertThat(c.quantity()).isEqualTo(1);
        });
        storeDown = false;
        storeKettles = 2;
        outbox.replay();
        assertThat(storeKettles).isEqualTo(3);
    }

    @Test
    void aReadThatMetTheCutIsAnsweredFromHere() {
        carts.add(GUEST, KETTLE, 2);
        storeDown = true;
        // nothing waits for this owner: the last cart read from the store, priced from the replica
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 2));
        assertThat(carts.dismissNotices(GUEST).lines()).hasSize(1);
        assertThat(carts.voucherOptions(GUEST)).hasSize(1); // this kiosk's vouchers, against that cart
    }

    @Test
    void afterAReplayTheNextCutStartsFromTheStoresCartAsTheReplayLeftIt() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 2);
        source = StoreStatus.Source.SHARED;
        outbox.replay(); // the store's cart now holds them; nobody read it since

        source = StoreStatus.Source.LOCAL;

        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 2));
        assertThat(quantities(carts.add(GUEST, PAN, 1))).isEqualTo(Map.of(KETTLE, 2, PAN, 1));
    }

    @Test
    void theReplaysReadOfACartNeverOverwritesANewerOneTheShoppersThreadRemembered() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 2);
        source = StoreStatus.Source.SHARED;
        // the replay reads the cart (2 kettles); before its answer is kept the shopper adds one more
        duringCartRead =
                () -> assertThat(quantities(carts.add(GUEST, KETTLE, 1))).isEqualTo(Map.of(KETTLE, 3));

        outbox.replay();

        assertThat(asked).containsSubsequence("replayed add", "cart", "add");
        source = StoreStatus.Source.LOCAL; // the next cut starts from the newest cart the kiosk read
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 3));
    }

    @Test
    void aReplayCutShortStillShowsWhatTheStoreTookAndPricesTheCheckoutOnIt() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 2);
        carts.add(GUEST, PAN, 1);
        source = StoreStatus.Source.SHARED;
        replayedAddsUntilDown = 1; // the store takes the kettles, then goes away

        ReplayReport cut = outbox.replay();

        assertThat(cut.applied()).isEqualTo(1);
        assertThat(outbox.pendingOf(GUEST))
                .singleElement()
                .extracting(CartChange::productId)
                .isEqualTo(PAN);
        source = StoreStatus.Source.LOCAL;
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 2, PAN, 1));
        assertThat(carts.totalNow(GUEST)).isEqualTo(Money.of(800_000));
    }

    @Test
    void aReplayCutShortShowsATrimmedLineWithWhatTheStoreKept() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 3);
        carts.add(GUEST, PAN, 1);
        source = StoreStatus.Source.SHARED;
        kettlesFree = 1; // the store holds one kettle of three
        replayedAddsUntilDown = 1; // then goes away before the pan

        ReplayReport cut = outbox.replay();

        assertThat(cut.adjusted()).as(cut.toString()).isEqualTo(1);
        source = StoreStatus.Source.LOCAL;
        assertThat(quantities(carts.cart(GUEST))).isEqualTo(Map.of(KETTLE, 1, PAN, 1));
        assertThat(carts.totalNow(GUEST)).isEqualTo(Money.of(500_000));
    }

    @Test
    void afterAReplayThatStoppedNoCartIsReadFromTheStoreWhichWouldOnlyWaitOutItsTimeout() {
        CartOwner other = CartOwner.guest("another-shopper");
        source = StoreStatus.Source.LOCAL;
        carts.add(other, KETTLE, 1);
        carts.add(GUEST, KETTLE, 2);
        source = StoreStatus.Source.SHARED;
        holdChecksUntilDown = 1; // both adds and the other's hold check go in, then the store goes away

        ReplayReport cut = outbox.replay();

        assertThat(cut.stoppedBecause()).isNotNull();
        assertThat(outbox.hasPending(other)).isFalse();
        assertThat(asked).doesNotContain("cart");
    }

    @Test
    void signingInReplaysWhatWaitsFirstOrAsksToTryAgain() {
        source = StoreStatus.Source.LOCAL;
        carts.add(GUEST, KETTLE, 1);
        source = StoreStatus.Source.SHARED;
        storeDown = true; // the replay cannot reach the store either

        assertThatThrownBy(() -> carts.mergeGuestIntoCustomer("kiosk-guest", 7))
                .isInstanceOf(DataUnavailableException.class)
                .hasMessageContaining("try again");

        storeDown = false;
        carts.mergeGuestIntoCustomer("kiosk-guest", 7);
        assertThat(asked).endsWith("merge");
        assertThat(outbox.pendingCount()).isZero();
    }

    @Test
    void checkoutOfflineIsRefusedOrQueuedAsTheStoreChose() {
        CheckoutServiceStub online = new CheckoutServiceStub();
        OutboxCheckoutService refusing =
                new OutboxCheckoutService(online, carts, outbox, status, OfflineCheckout.REFUSE, CLOCK);
        OutboxCheckoutService queuing =
                new OutboxCheckoutService(online, carts, outbox, status, OfflineCheckout.QUEUE, CLOCK);
        CartOwner customer = CartOwner.customer(7);
        assertThat(queuing.newIdempotencyKey()).isEqualTo("co-stub-key");
        source = StoreStatus.Source.LOCAL;

        assertThatThrownBy(() -> refusing.checkout(7, 3, "co-key-12345"))
                .isInstanceOf(OfflineCheckoutRefusedException.class);
        assertThatThrownBy(() -> queuing.checkout(7, 3, "co-key-12345"))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.reason()).isEqualTo("cart.empty"));
        carts.add(customer, KETTLE, 1);
        assertThatThrownBy(() -> queuing.checkout(7, 3, "short")).isInstanceOf(ValidationException.class);

        assertThatThrownBy(() -> queuing.checkout(7, 3, "co-key-12345"))
                .isInstanceOfSatisfying(CheckoutQueuedException.class, e -> {
                    assertThat(e.reference()).matches("Q-[0-9A-F]{8}");
                    assertThat(e.total()).isEqualTo(Money.of(300_000));
                    assertThat(e.code()).isEqualTo("CHECKOUT_QUEUED");
                });
        assertThat(outbox.pendingOf(customer)).last().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(CartChange.Kind.CHECKOUT);
            assertThat(c.idempotencyKey()).isEqualTo("co-key-12345");
            assertThat(c.priceSeen()).isEqualTo(Money.of(300_000));
        });
        assertThat(carts.cart(customer).isEmpty())
                .as("the cart went into the request")
                .isTrue();
        assertThat(online.placed).isEmpty();
    }

    @Test
    void checkoutWhileTheStoreAnswersGoesThereAndOneThatMetTheCutIsQueuedWithItsKey() {
        CheckoutServiceStub online = new CheckoutServiceStub();
        OutboxCheckoutService queuing =
                new OutboxCheckoutService(online, carts, outbox, status, OfflineCheckout.QUEUE, CLOCK);
        queuing.checkout(7, 3, "co-key-online");
        assertThat(online.placed).containsExactly("co-key-online");

        online.down = true;
        source = StoreStatus.Source.LOCAL;
        carts.add(CartOwner.customer(7), KETTLE, 1);
        source = StoreStatus.Source.SHARED;
        outboxRows.done.clear();
        assertThatThrownBy(() -> queuing.checkout(7, 3, "co-key-cut-1")).isInstanceOf(CheckoutQueuedException.class);
    }

    @Test
    void offlineCheckoutIsReadFromItsSetting() {
        assertThat(OfflineCheckout.parse(null)).isEqualTo(OfflineCheckout.REFUSE);
        assertThat(OfflineCheckout.parse(" Queue ")).isEqualTo(OfflineCheckout.QUEUE);
        assertThatThrownBy(() -> OfflineCheckout.parse("maybe"))
                .hasMessage("offline.checkout must be refuse or queue, not 'maybe'");
    }

    /** The store's checkout: places by key, or is gone. */
    static final class CheckoutServiceStub implements com.shopassist.core.checkout.CheckoutService {
        final List<String> placed = new ArrayList<>();
        boolean down;

        @Override
        public Order checkout(long customerId, long addressId, String idempotencyKey) {
            if (down) throw new DataUnavailableException("gone", null);
            placed.add(idempotencyKey);
            return null;
        }

        @Override
        public String newIdempotencyKey() {
            return "co-stub-key";
        }
    }
}
