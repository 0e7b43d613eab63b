package com.shopassist.core.outbox;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import com.shopassist.core.cart.DefaultCartService;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.DataUnavailableException;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.core.replica.StoreStatus;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The cart service of a kiosk that may lose the store's database (decision 0096). While the
 * database answers and the owner has nothing waiting, every call goes to the store's cart service.
 * Otherwise a change is checked against what this kiosk knows (the catalog it answers from: the
 * local replica), queued in the {@link Outbox} with an id of its own, and answered with the cart
 * as the shopper should see it: the last one read from the store with the waiting changes applied.
 *
 * <p>A change made while the store's database was thought to answer, and which failed because it
 * did not, may or may not have been committed. It is queued in a form that is right either way:
 * an add becomes "set the line to what the shopper now sees", which changes nothing if the add did
 * commit.
 */
public final class OutboxCartService implements CartService {

    /** Owners whose last cart read from the store is remembered (the base of their first queued change). */
    static final int REMEMBERED_CARTS = 256;

    private final CartService store;
    private final Outbox outbox;
    private final StoreStatus status;
    private final OfflineCartView view;
    private final CatalogService catalog;
    private final VoucherService vouchers;
    private final VoucherRules rules;
    private final Clock clock;
    /**
     * The last cart read from the store per owner, each with a version of its own: the replay's
     * thread replaces only the very entry it saw before its read, never one a shopper's thread
     * remembered meanwhile (a newer cart its own read would overwrite).
     */
    private final Map<CartOwner, Known> lastKnown = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CartOwner, Known> eldest) {
            return size() > REMEMBERED_CARTS;
        }
    });

    private final AtomicLong versions = new AtomicLong();

    private record Known(Cart cart, long version) {}

    /**
     * @param store the cart service over the store's shared database
     * @param catalog the catalog this kiosk answers from now (the replica while offline)
     * @param vouchers the vouchers this kiosk answers from now
     */
    public OutboxCartService(
            CartService store,
            Outbox outbox,
            StoreStatus status,
            CatalogService catalog,
            VoucherService vouchers,
            VoucherRules rules,
            Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.status = Objects.requireNonNull(status, "status");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.vouchers = Objects.requireNonNull(vouchers, "vouchers");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.view = new OfflineCartView(catalog, vouchers, rules, clock);
        outbox.addListener(this::replayed);
    }

    /**
     * A replay changed these owners' carts at the store: what this kiosk last read of them is stale.
     * Read again now (the store answers: it just took the changes), so a cut right after starts from
     * the cart as it is. A cart that cannot be read, or whose owner still has changes waiting (their
     * base in the outbox counts), is forgotten instead: a stale cart would turn an uncertain add into
     * a wrong quantity. After a replay that stopped, or the first read that fails, nothing more is
     * read: each read would wait out the connection timeout on the replay's thread.
     */
    private void replayed(ReplayReport report) {
        boolean reachable = report.stoppedBecause() == null;
        for (CartOwner owner : report.owners()) {
            Known seen = lastKnown.get(owner);
            if (reachable && !outbox.hasPending(owner)) {
                try {
                    Cart fresh = store.cart(owner);
                    lastKnown.compute(owner, (o, now) -> now == seen ? known(fresh) : now);
                    continue;
                } catch (RuntimeException e) {
                    reachable = false;
                }
            }
            // a cart a shopper's thread read after the replay took the owner's changes is not stale
            if (seen != null) lastKnown.remove(owner, seen);
        }
    }

    /**
     * A guest session this kiosk has just started: its key is new, so its cart at the store is
     * empty and the first add needs no read of it first (decision 0018: a first add is one round
     * trip). Only for a key made here and now; any other owner this kiosk has not read is read
     * before its first add (see {@link #add}).
     */
    @Override
    public void guestStarted(String guestKey) {
        CartOwner guest = CartOwner.guest(guestKey);
        Cart empty = new Cart(0, guest, List.of(), Money.ZERO, null, Money.ZERO, Money.ZERO, null, null);
        lastKnown.putIfAbsent(guest, known(empty));
    }

    /** Whether the owner's changes go to the outbox now: the store is offline, or earlier ones still wait. */
    private boolean queues(CartOwner owner) {
        return status.source() == StoreStatus.Source.LOCAL || outbox.hasPending(owner);
    }

    @Override
    public Cart cart(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        if (queues(owner)) return offline(owner);
        try {
            return remember(store.cart(owner));
        } catch (DataUnavailableException e) {
            return offline(owner);
        }
    }

    @Override
    public Cart add(CartOwner owner, long productId, int quantity) {
        return change(
                owner,
                () -> {
                    // an add that meets the cut is queued as "set the line to what the shopper sees",
                    // which needs the cart it was added to: without one it would stay "add n more" and
                    // count twice on replay if it did commit. A read that fails sends no add at all.
                    // A guest this kiosk has just started is known empty (guestStarted): no read.
                    if (knownCart(owner) == null) remember(store.cart(owner));
                    return store.add(owner, productId, quantity);
                },
                () -> {
                    checkQuantity(quantity, 1);
                    int target = quantityNow(owner, productId) + quantity;
                    if (target > DefaultCartService.MAX_LINE_QUANTITY) {
                        throw new ValidationException(
                                "quantity",
                                "A cart line holds at most " + DefaultCartService.MAX_LINE_QUANTITY + " (you have "
                                        + (target - quantity) + ")");
                    }
                    Product p = inStock(productId, target);
                    return CartChange.add(owner, productId, quantity, p.price(), clock.instant());
                },
                change -> {
                    Cart known = knownCart(owner);
                    if (known == null) return change; // the cart could not be read: the add was not sent
                    int before = known.lines().stream()
                            .filter(l -> l.productId() == productId)
                            .mapToInt(CartLine::quantity)
                            .sum();
                    return CartChange.setQuantity(
                            owner,
                            productId,
                            Math.min(DefaultCartService.MAX_LINE_QUANTITY, before + quantity),
                            change.priceSeen(),
                            change.queuedAt());
                });
    }

    @Override
    public Cart setQuantity(CartOwner owner, long productId, int quantity) {
        return change(
                owner,
                () -> store.setQuantity(owner, productId, quantity),
                () -> {
                    checkQuantity(quantity, 0);
                    if (quantity == 0) return CartChange.remove(owner, productId, clock.instant());
                    Product p = inStock(productId, quantity);
                    return CartChange.setQuantity(owner, productId, quantity, p.price(), clock.instant());
                },
                change -> change);
    }

    @Override
    public Cart remove(CartOwner owner, long productId) {
        return change(
                owner,
                () -> store.remove(owner, productId),
                () -> CartChange.remove(owner, productId, clock.instant()),
                change -> change);
    }

    @Override
    public Cart clear(CartOwner owner) {
        return wholeCart(owner, CartChange.Kind.CLEAR, () -> store.clear(owner));
    }

    @Override
    public Cart applyVoucher(CartOwner owner, String code) {
        return change(
                owner,
                () -> store.applyVoucher(owner, code),
                () -> {
                    String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
                    if (normalised.isEmpty() || normalised.length() > 40) {
                        throw VoucherRules.unknownCode(code == null ? "" : code.strip());
                    }
                    Voucher v = vouchers.byCode(normalised).orElseThrow(() -> VoucherRules.unknownCode(normalised));
                    Cart now = offline(owner);
                    VoucherRules.Evaluation e = rules.evaluate(v, now.subtotal(), now.isEmpty(), clock.instant());
                    if (!e.applies()) {
                        throw new com.shopassist.core.voucher.VoucherNotApplicableException(
                                v.code(), e.reason(), e.message());
                    }
                    return CartChange.applyVoucher(owner, v.code(), clock.instant());
                },
                change -> change);
    }

    @Override
    public Cart removeVoucher(CartOwner owner) {
        return wholeCart(owner, CartChange.Kind.REMOVE_VOUCHER, () -> store.removeVoucher(owner));
    }

    @Override
    public List<VoucherOption> voucherOptions(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        if (!queues(owner)) {
            try {
                return store.voucherOptions(owner);
            } catch (DataUnavailableException e) {
                // the vouchers this kiosk knows, against the cart it shows
            }
        }
        return DefaultCartService.voucherOptions(vouchers.usableNow(), offline(owner), rules, clock.instant());
    }

    /**
     * Signing in needs the store's database, so this goes there; changes still waiting for the
     * guest or the customer are replayed first, or the sign-in is told to try again.
     */
    @Override
    public Cart mergeGuestIntoCustomer(String guestKey, long customerId) {
        CartOwner guest = CartOwner.guest(guestKey);
        CartOwner customer = CartOwner.customer(customerId);
        if (outbox.hasPending(guest) || outbox.hasPending(customer)) {
            outbox.replay();
            if (outbox.hasPending(guest) || outbox.hasPending(customer)) {
                throw new DataUnavailableException(
                        "The store database cannot be reached right now; the cart was not merged. Please try again.",
                        null);
            }
        }
        return remember(store.mergeGuestIntoCustomer(guestKey, customerId));
    }

    @Override
    public void discard(CartOwner owner) {
        wholeCart(owner, CartChange.Kind.DISCARD, () -> {
            store.discard(owner);
            return null;
        });
        lastKnown.remove(owner);
    }

    @Override
    public void releaseHolds(CartOwner owner) {
        wholeCart(owner, CartChange.Kind.RELEASE_HOLDS, () -> {
            store.releaseHolds(owner);
            return null;
        });
    }

    @Override
    public Cart dismissNotices(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        if (queues(owner)) return offline(owner);
        try {
            return remember(store.dismissNotices(owner));
        } catch (DataUnavailableException e) {
            return offline(owner);
        }
    }

    /** Made by the replay, on the store's database: never queued. */
    @Override
    public LineOutcome addAtMost(CartOwner owner, long productId, int quantity) {
        return store.addAtMost(owner, productId, quantity);
    }

    @Override
    public LineOutcome setQuantityAtMost(CartOwner owner, long productId, int quantity) {
        return store.setQuantityAtMost(owner, productId, quantity);
    }

    @Override
    public List<LineOutcome> holdLinesAgain(CartOwner owner) {
        return store.holdLinesAgain(owner);
    }

    /** The cart the shopper should see while their changes wait. */
    Cart offline(CartOwner owner) {
        LastKnownCart base = outbox.base(owner).orElseGet(() -> baseNow(owner));
        return view.render(owner, base, outbox.pendingOf(owner));
    }

    /** Queues a change the checkout made (a queued order request). */
    void queue(CartChange change) {
        outbox.queue(change, baseNow(change.owner()));
        if (status.source() == StoreStatus.Source.SHARED) outbox.replayLater();
    }

    private Cart change(
            CartOwner owner,
            Supplier<Cart> atTheStore,
            Supplier<CartChange> queued,
            java.util.function.UnaryOperator<CartChange> ifUncertain) {
        Objects.requireNonNull(owner, "owner");
        if (queues(owner)) {
            queue(queued.get());
            return offline(owner);
        }
        try {
            return remember(atTheStore.get());
        } catch (DataUnavailableException e) {
            // it may have committed before the connection went: queue what is right either way
            queue(ifUncertain.apply(queued.get()));
            return offline(owner);
        }
    }

    private Cart wholeCart(CartOwner owner, CartChange.Kind kind, Supplier<Cart> atTheStore) {
        return change(owner, atTheStore, () -> CartChange.ofCart(owner, kind, clock.instant()), change -> change);
    }

    private LastKnownCart baseNow(CartOwner owner) {
        Cart known = knownCart(owner);
        return known == null ? LastKnownCart.empty(owner, clock.instant()) : LastKnownCart.of(known, clock.instant());
    }

    private Cart remember(Cart cart) {
        if (cart != null) lastKnown.put(cart.owner(), known(cart));
        return cart;
    }

    private Known known(Cart cart) {
        return new Known(cart, versions.incrementAndGet());
    }

    private Cart knownCart(CartOwner owner) {
        Known k = lastKnown.get(owner);
        return k == null ? null : k.cart();
    }

    private int quantityNow(CartOwner owner, long productId) {
        LastKnownCart base = outbox.base(owner).orElseGet(() -> baseNow(owner));
        return OfflineCartView.lines(base, outbox.pendingOf(owner)).quantities().getOrDefault(productId, 0);
    }

    /**
     * The product as this kiosk knows it, with at least {@code quantity} on the shelf as of the
     * replica's refresh (the replay checks holds; this only spares the shopper an obvious no).
     */
    private Product inStock(long productId, int quantity) {
        Product p = catalog.product(productId).orElseThrow(() -> new NotFoundException("Product", productId));
        if (p.stockQuantity() < quantity) {
            List<Product> alternatives;
            try {
                alternatives = catalog.alternatives(productId, DefaultCartService.ALTERNATIVES);
            } catch (RuntimeException e) {
                alternatives = List.of();
            }
            throw new InsufficientStockException(
                    productId, p.name(), quantity, Math.max(0, p.stockQuantity()), alternatives);
        }
        return p;
    }

    private static void checkQuantity(int quantity, int min) {
        if (quantity < min || quantity > DefaultCartService.MAX_LINE_QUANTITY) {
            throw new ValidationException(
                    "quantity",
                    "Quantity must be between " + min + " and " + DefaultCartService.MAX_LINE_QUANTITY + " (got "
                            + quantity + ")");
        }
    }

    /** The total of the cart the shopper sees now, for a queued checkout. */
    Money totalNow(CartOwner owner) {
        return offline(owner).total();
    }
}
