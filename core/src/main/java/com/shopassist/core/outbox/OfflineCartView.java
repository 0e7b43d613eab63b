package com.shopassist.core.outbox;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartLine;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.CatalogService;
import com.shopassist.core.catalog.Product;
import com.shopassist.core.money.Money;
import com.shopassist.core.voucher.Voucher;
import com.shopassist.core.voucher.VoucherRules;
import com.shopassist.core.voucher.VoucherService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart a shopper sees while their changes wait in the outbox: the last cart read from the
 * store's database with the waiting changes applied in order, priced from the catalog this kiosk
 * answers from now (the local replica while the store's database cannot be reached: prices and
 * stock as of its last refresh). Nothing is held or reserved: the replay decides that.
 */
public final class OfflineCartView {

    private final CatalogService catalog;
    private final VoucherService vouchers;
    private final VoucherRules rules;
    private final Clock clock;

    public OfflineCartView(CatalogService catalog, VoucherService vouchers, VoucherRules rules, Clock clock) {
        this.catalog = catalog;
        this.vouchers = vouchers;
        this.rules = rules;
        this.clock = clock;
    }

    /** Product id to quantity, in the cart's order, and the voucher code: the base with the changes. */
    record Lines(Map<Long, Integer> quantities, String voucherCode) {}

    static Lines lines(LastKnownCart base, List<CartChange> changes) {
        Map<Long, Integer> q = new LinkedHashMap<>();
        for (LastKnownCart.Line l : base.lines()) q.put(l.productId(), l.quantity());
        String voucher = base.voucherCode();
        for (CartChange c : changes) {
            switch (c.kind()) {
                case ADD -> q.merge(c.productId(), c.quantity(), (a, b) -> Math.min(999, a + b));
                case SET_QUANTITY -> {
                    if (c.quantity() == 0) q.remove(c.productId());
                    else q.put(c.productId(), c.quantity());
                }
                case REMOVE -> q.remove(c.productId());
                case CLEAR, DISCARD, CHECKOUT -> {
                    q.clear();
                    voucher = null;
                }
                case APPLY_VOUCHER -> voucher = c.voucherCode();
                case REMOVE_VOUCHER -> voucher = null;
                case RELEASE_HOLDS, HOLD_AGAIN -> {}
            }
        }
        return new Lines(q, voucher);
    }

    /** The owner's cart as the shopper should see it now. */
    public Cart render(CartOwner owner, LastKnownCart base, List<CartChange> changes) {
        Lines lines = lines(base, changes);
        Instant now = clock.instant();
        Map<Long, Product> products = new LinkedHashMap<>();
        for (Product p : catalog.products(new ArrayList<>(lines.quantities().keySet()))) products.put(p.id(), p);
        List<Product> shown = new ArrayList<>();
        List<Money> subtotals = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (Map.Entry<Long, Integer> e : lines.quantities().entrySet()) {
            Product p = products.get(e.getKey());
            if (p == null) continue; // no longer sold: the replay will say so
            shown.add(p);
            quantities.add(e.getValue());
            subtotals.add(p.price().times(e.getValue()));
        }
        Voucher voucher = lines.voucherCode() == null
                ? null
                : vouchers.byCode(lines.voucherCode()).orElse(null);
        VoucherRules.Priced priced = rules.price(subtotals, voucher, now);
        List<CartLine> out = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Product p = shown.get(i);
            out.add(new CartLine(
                    p.id(),
                    p.name(),
                    p.brand(),
                    p.price(),
                    quantities.get(i),
                    subtotals.get(i),
                    priced.lineDiscounts().get(i),
                    p.available(),
                    p.imageRef()));
        }
        VoucherRules.Evaluation evaluation = priced.voucherEvaluation();
        boolean problem = evaluation != null && !evaluation.applies();
        return new Cart(
                base.cartId(),
                owner,
                out,
                priced.subtotal(),
                voucher == null ? null : voucher.code(),
                priced.discount(),
                priced.total(),
                problem ? evaluation.message() : null,
                problem ? evaluation.reason() : null);
    }
}
