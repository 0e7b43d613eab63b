package com.shopassist.core.cart;

import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.common.NotFoundException;
import com.shopassist.core.common.Transactions;
import com.shopassist.core.common.ValidationException;
import com.shopassist.core.money.Money;
import com.shopassist.core.stock.InsufficientStockException;
import com.shopassist.core.stock.StockHolds;
import com.shopassist.core.stock.StockShortage;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherNotApplicableException;
import com.shopassist.core.voucher.VoucherRepository;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService.VoucherOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * {@link CartService}: every change runs in one transaction that first locks the cart row (so
 * two kiosks of one customer take turns), then holds stock through {@link StockHolds}. The usual
 * add, a product new to the cart, is one change of its own that locks the cart row first too
 * (decision 0018), and so are adding more of a line the cart holds and setting its quantity
 * (decision 0113); each falls back to the transaction when it does not apply. Changes of lines and their holds lock the cart "for a line change", which lets
 * the repository treat them as decision 0051 says; vouchers, merges and checkout do not.
 */
public final class DefaultCartService implements CartService {

    public static final int MAX_LINE_QUANTITY = 999;
    public static final int ALTERNATIVES = 3;

    private final CartRepository carts;
    private final StockHolds holds;
    private final VoucherRepository vouchers;
    private final VoucherRules rules;
    private final CatalogService catalog;
    private final Transactions tx;
    private final Clock clock;

    public DefaultCartService(
            CartRepository carts,
            StockHolds holds,
            VoucherRepository vouchers,
            VoucherRules rules,
            CatalogService catalog,
            Transactions tx,
            Clock clock) {
        this.carts = carts;
        this.holds = holds;
        this.vouchers = vouchers;
        this.rules = rules;
        this.catalog = catalog;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Cart cart(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return carts.find(owner)
                .map(this::snapshot)
                .orElseGet(() -> new Cart(0, owner, List.of(), Money.ZERO, null, Money.ZERO, Money.ZERO, null, null));
    }

    @Override
    public Cart add(CartOwner owner, long productId, int quantity) {
        Objects.requireNonNull(owner, "owner");
        checkQuantity(quantity, 1);
        // the usual case, a product new to this cart: one change of its own (decision 0018)
        Instant now = clock.instant();
        Instant until = now.plus(holds.holdDuration());
        if (carts.addFirstLine(owner, productId, quantity, now, until, holds.kioskId())
                .isPresent()) {
            return cart(owner);
        }
        // more of a product the cart holds already: one change of its own too (decision 0113)
        if (carts.addToHeldLine(owner, productId, quantity, now, until, holds.kioskId())
                .isPresent()) {
            return cart(owner);
        }
        withStock(
                productId,
                quantity,
                () -> tx.inTransaction(() -> {
                    CartRecord cart = carts.lockOrCreateForLineChange(owner, clock.instant());
                    int current = carts.quantities(cart.cartId()).getOrDefault(productId, 0);
                    int target = current + quantity;
                    if (target > MAX_LINE_QUANTITY) {
                        throw new ValidationException(
                                "quantity",
                                "A cart line holds at most " + MAX_LINE_QUANTITY + " (you have " + current + ")");
                    }
                    // the line first: the hold locks the product row until commit, so it goes last
                    carts.upsertItem(cart.cartId(), productId, target, clock.instant());
                    holds.holdForLine(cart.cartId(), productId, target);
                    return current;
                }));
        return cart(owner);
    }

    @Override
    public Cart setQuantity(CartOwner owner, long productId, int quantity) {
        Objects.requireNonNull(owner, "owner");
        checkQuantity(quantity, 0);
        if (quantity == 0) return remove(owner, productId);
        // a line the cart holds already: one change of its own (decision 0113)
        Instant now = clock.instant();
        if (carts.setHeldLine(owner, productId, quantity, now, now.plus(holds.holdDuration()), holds.kioskId())
                .isPresent()) {
            return cart(owner);
        }
        withStock(
                productId,
                quantity,
                () -> tx.inTransaction(() -> {
                    CartRecord cart = carts.lockOrCreateForLineChange(owner, clock.instant());
                    carts.upsertItem(cart.cartId(), productId, quantity, clock.instant());
                    holds.holdForLine(cart.cartId(), productId, quantity);
                    return 0;
                }));
        return cart(owner);
    }

    @Override
    public Cart remove(CartOwner owner, long productId) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lockForLineChange(owner).ifPresent(cart -> {
            holds.holdForLine(cart.cartId(), productId, 0);
            carts.deleteItem(cart.cartId(), productId);
            carts.deleteNotices(cart.cartId(), productId);
        }));
        return cart(owner);
    }

    @Override
    public Cart clear(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lockForLineChange(owner).ifPresent(cart -> {
            holds.releaseCart(cart.cartId());
            carts.deleteItems(cart.cartId());
            carts.setVoucher(cart.cartId(), null, clock.instant());
            carts.deleteNotices(cart.cartId());
        }));
        return cart(owner);
    }

    @Override
    public LineOutcome addAtMost(CartOwner owner, long productId, int quantity) {
        Objects.requireNonNull(owner, "owner");
        checkQuantity(quantity, 1);
        return tx.inTransaction(() -> {
            CartRecord cart = carts.lockOrCreateForLineChange(owner, clock.instant());
            int current = carts.quantities(cart.cartId()).getOrDefault(productId, 0);
            return keepAtMost(cart.cartId(), productId, Math.min(MAX_LINE_QUANTITY, current + quantity));
        });
    }

    @Override
    public LineOutcome setQuantityAtMost(CartOwner owner, long productId, int quantity) {
        Objects.requireNonNull(owner, "owner");
        checkQuantity(quantity, 0);
        if (quantity == 0) {
            remove(owner, productId);
            return new LineOutcome(productId, 0, 0);
        }
        return tx.inTransaction(() -> {
            CartRecord cart = carts.lockOrCreateForLineChange(owner, clock.instant());
            return keepAtMost(cart.cartId(), productId, quantity);
        });
    }

    @Override
    public List<LineOutcome> holdLinesAgain(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        return tx.inTransaction(() -> {
            CartRecord cart = carts.lockForLineChange(owner).orElse(null);
            if (cart == null) return List.of();
            List<LineOutcome> trimmed = new ArrayList<>();
            // products in id order, the store's lock order
            for (Map.Entry<Long, Integer> line : new TreeMap<>(carts.quantities(cart.cartId())).entrySet()) {
                if (holds.heldNow(cart.cartId(), line.getKey()) == line.getValue()) continue;
                LineOutcome o = keepAtMost(cart.cartId(), line.getKey(), line.getValue());
                if (o.trimmed()) trimmed.add(o);
            }
            return trimmed;
        });
    }

    /** The line holds as many of {@code wanted} as stock allows now; none: no line. */
    private LineOutcome keepAtMost(long cartId, long productId, int wanted) {
        int kept = holdAsMuchAsPossible(cartId, productId, wanted);
        if (kept > 0) {
            carts.upsertItem(cartId, productId, kept, clock.instant());
        } else {
            // a product the store never had is a mistake, not a shortage: nothing of it stays
            if (!holds.productExists(productId)) throw new NotFoundException("Product", productId);
            carts.deleteItem(cartId, productId);
        }
        return new LineOutcome(productId, wanted, kept);
    }

    @Override
    public Cart dismissNotices(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lock(owner).ifPresent(cart -> carts.deleteNotices(cart.cartId())));
        return cart(owner);
    }

    @Override
    public Cart applyVoucher(CartOwner owner, String code) {
        Objects.requireNonNull(owner, "owner");
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (normalised.isEmpty() || normalised.length() > 40) {
            throw VoucherRules.unknownCode(code == null ? "" : code.strip());
        }
        tx.run(() -> {
            Voucher voucher = vouchers.byCode(normalised).orElseThrow(() -> VoucherRules.unknownCode(normalised));
            CartRecord cart = carts.lockOrCreate(owner, clock.instant());
            List<CartItemDetail> lines = carts.details(cart.cartId(), clock.instant());
            Money subtotal = Money.ZERO;
            for (CartItemDetail l : lines)
                subtotal = subtotal.plus(l.unitPrice().times(l.quantity()));
            VoucherRules.Evaluation e = rules.evaluate(voucher, subtotal, lines.isEmpty(), clock.instant());
            if (!e.applies()) throw new VoucherNotApplicableException(voucher.code(), e.reason(), e.message());
            carts.setVoucher(cart.cartId(), voucher.id(), clock.instant());
        });
        return cart(owner);
    }

    @Override
    public Cart removeVoucher(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lock(owner).ifPresent(cart -> carts.setVoucher(cart.cartId(), null, clock.instant())));
        return cart(owner);
    }

    @Override
    public List<VoucherOption> voucherOptions(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        Instant now = clock.instant();
        return voucherOptions(vouchers.usableAt(now), cart(owner), rules, now);
    }

    /**
     * The vouchers given, each with whether it applies to the cart and, if not, why: the ones that
     * apply first, the biggest saving first.
     */
    public static List<VoucherOption> voucherOptions(List<Voucher> usable, Cart cart, VoucherRules rules, Instant now) {
        List<VoucherOption> options = new ArrayList<>();
        for (Voucher v : usable) {
            VoucherRules.Evaluation e = rules.evaluate(v, cart.subtotal(), cart.isEmpty(), now);
            options.add(new VoucherOption(v, e.applies(), e.reason(), e.discount()));
        }
        options.sort((a, b) -> {
            if (a.applies() != b.applies()) return a.applies() ? -1 : 1;
            return b.discount().compareTo(a.discount());
        });
        return options;
    }

    @Override
    public Cart mergeGuestIntoCustomer(String guestKey, long customerId) {
        CartOwner guest = CartOwner.guest(guestKey);
        CartOwner customer = CartOwner.customer(customerId);
        tx.run(() -> {
            // lock order: the customer's cart, then the guest's, then products by id
            CartRecord target = carts.lockOrCreate(customer, clock.instant());
            CartRecord source = carts.lock(guest).orElse(null);
            if (source == null) return;
            Map<Long, Integer> mine = carts.quantities(target.cartId());
            Map<Long, Integer> theirs = new TreeMap<>(carts.quantities(source.cartId()));
            for (Map.Entry<Long, Integer> line : theirs.entrySet()) {
                long productId = line.getKey();
                int wanted = Math.min(MAX_LINE_QUANTITY, mine.getOrDefault(productId, 0) + line.getValue());
                holds.holdForLine(source.cartId(), productId, 0);
                int kept = holdAsMuchAsPossible(target.cartId(), productId, wanted);
                if (kept > 0) carts.upsertItem(target.cartId(), productId, kept, clock.instant());
                else carts.deleteItem(target.cartId(), productId);
            }
            if (target.voucherId() == null && source.voucherId() != null) {
                carts.setVoucher(target.cartId(), source.voucherId(), clock.instant());
            }
            holds.releaseCart(source.cartId());
            carts.delete(source.cartId());
        });
        return cart(customer);
    }

    /** Merging never fails a sign-in: a line keeps what stock allows (the product row is locked). */
    private int holdAsMuchAsPossible(long cartId, long productId, int wanted) {
        try {
            holds.holdForLine(cartId, productId, wanted);
            return wanted;
        } catch (StockShortage s) {
            int possible = Math.min(wanted, s.alreadyHeld() + s.available());
            holds.holdForLine(cartId, productId, possible);
            return possible;
        } catch (NotFoundException gone) {
            return 0;
        }
    }

    @Override
    public void discard(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lock(owner).ifPresent(cart -> {
            holds.releaseCart(cart.cartId());
            carts.delete(cart.cartId());
        }));
    }

    @Override
    public void releaseHolds(CartOwner owner) {
        Objects.requireNonNull(owner, "owner");
        tx.run(() -> carts.lockForLineChange(owner).ifPresent(cart -> holds.releaseCartTakenHere(cart.cartId())));
    }

    private static void checkQuantity(int quantity, int min) {
        if (quantity < min || quantity > MAX_LINE_QUANTITY) {
            throw new ValidationException(
                    "quantity",
                    "Quantity must be between " + min + " and " + MAX_LINE_QUANTITY + " (got " + quantity + ")");
        }
    }

    /** Runs the work; a shortage (rolled back by then) becomes the shopper's answer with alternatives. */
    private void withStock(long productId, int requested, IntSupplier work) {
        try {
            work.getAsInt();
        } catch (StockShortage s) {
            throw insufficient(catalog, s, requested);
        }
    }

    /** The shopper-facing answer for a shortage: how many can still be had, and alternatives. */
    public static InsufficientStockException insufficient(CatalogService catalog, StockShortage s, int requested) {
        List<Product> alternatives;
        try {
            alternatives = catalog.alternatives(s.productId(), ALTERNATIVES);
        } catch (RuntimeException e) {
            alternatives = List.of(); // the answer matters more than the suggestions
        }
        InsufficientStockException e =
                new InsufficientStockException(s.productId(), s.productName(), requested, s.available(), alternatives);
        e.addSuppressed(s); // where in the transaction it ran short, for the log
        return e;
    }

    private Cart snapshot(CartRecord cart) {
        Instant now = clock.instant();
        List<CartItemDetail> details = carts.details(cart.cartId(), now);
        Voucher voucher = cart.voucherId() == null
                ? null
                : vouchers.byId(cart.voucherId()).orElse(null);
        List<Money> subtotals = new ArrayList<>();
        for (CartItemDetail d : details) subtotals.add(d.unitPrice().times(d.quantity()));
        VoucherRules.Priced priced = rules.price(subtotals, voucher, now);
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            CartItemDetail d = details.get(i);
            lines.add(new CartLine(
                    d.productId(),
                    d.name(),
                    d.brand(),
                    d.unitPrice(),
                    d.quantity(),
                    subtotals.get(i),
                    priced.lineDiscounts().get(i),
                    d.available(),
                    d.imageRef()));
        }
        List<CartNotice> notices = withZeroLines(carts.notices(cart.cartId()), lines);
        VoucherRules.Evaluation evaluation = priced.voucherEvaluation();
        boolean problem = evaluation != null && !evaluation.applies();
        return new Cart(
                cart.cartId(),
                cart.owner(),
                lines,
                priced.subtotal(),
                voucher == null ? null : voucher.code(),
                priced.discount(),
                priced.total(),
                problem ? evaluation.message() : null,
                problem ? evaluation.reason() : null,
                notices);
    }

    /**
     * A product that ran out while offline stays in the cart as a line with quantity 0 beside its
     * notice (decision 0096), until the shopper removes it or adds it again; returns the notices
     * still to tell, and adds those lines to {@code lines}.
     */
    private List<CartNotice> withZeroLines(List<CartNotice> notices, List<CartLine> lines) {
        if (notices.isEmpty()) return notices;
        java.util.Set<Long> inCart = new java.util.HashSet<>();
        for (CartLine l : lines) inCart.add(l.productId());
        List<CartNotice> kept = new ArrayList<>();
        List<CartNotice> zero = new ArrayList<>();
        for (CartNotice n : notices) {
            if (n.kind() == CartNotice.Kind.UNAVAILABLE && n.productId() != null) {
                if (inCart.contains(n.productId())) continue; // added again since
                if (!inCart.add(n.productId())) continue; // one zero line per product
                zero.add(n);
            }
            kept.add(n);
        }
        if (!zero.isEmpty()) {
            Map<Long, Product> known = new java.util.HashMap<>();
            try {
                for (Product p : catalog.products(
                        zero.stream().map(CartNotice::productId).toList())) {
                    known.put(p.id(), p);
                }
            } catch (RuntimeException e) {
                // a product no longer sold is not in the catalog: the notice's name is enough
            }
            for (CartNotice n : zero) {
                Product p = known.get(n.productId());
                lines.add(new CartLine(
                        n.productId(),
                        p != null ? p.name() : n.productName(),
                        p != null ? p.brand() : "",
                        p != null ? p.price() : n.priceNow() != null ? n.priceNow() : Money.ZERO,
                        0,
                        Money.ZERO,
                        Money.ZERO,
                        p != null ? p.available() : 0,
                        p != null ? p.imageRef() : null));
            }
        }
        return kept;
    }
}
