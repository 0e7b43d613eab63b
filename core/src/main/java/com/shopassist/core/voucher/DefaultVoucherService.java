package com.shopassist.core.voucher;

import com.shopassist.core.cart.Cart;
import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.cart.CartService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link VoucherService}: the rules live in {@link VoucherRules}; this reads and explains. */
public final class DefaultVoucherService implements VoucherService {

    private final VoucherRepository vouchers;
    private final VoucherRules rules;
    private final CartService carts;
    private final Clock clock;

    public DefaultVoucherService(VoucherRepository vouchers, VoucherRules rules, CartService carts, Clock clock) {
        this.vouchers = vouchers;
        this.rules = rules;
        this.carts = carts;
        this.clock = clock;
    }

    @Override
    public List<Voucher> usableNow() {
        return vouchers.usableAt(clock.instant());
    }

    @Override
    public Optional<Voucher> byCode(String code) {
        if (code == null || code.isBlank() || code.strip().length() > 40) return Optional.empty();
        return vouchers.byCode(code.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public List<VoucherOption> optionsFor(CartOwner owner) {
        Instant now = clock.instant();
        Cart cart = carts.cart(owner);
        List<VoucherOption> options = new ArrayList<>();
        for (Voucher v : vouchers.usableAt(now)) {
            VoucherRules.Evaluation e = rules.evaluate(v, cart.subtotal(), cart.isEmpty(), now);
            options.add(new VoucherOption(v, e.applies(), e.reason(), e.discount()));
        }
        // the ones that apply first, biggest saving first
        options.sort((a, b) -> {
            if (a.applies() != b.applies()) return a.applies() ? -1 : 1;
            return b.discount().compareTo(a.discount());
        });
        return options;
    }

    /** Why a code does not apply to this cart now, or empty when it does. */
    public Optional<VoucherNotApplicableException> check(CartOwner owner, String code) {
        Optional<Voucher> v = byCode(code);
        if (v.isEmpty()) return Optional.of(VoucherRules.unknownCode(code == null ? "" : code.strip()));
        Cart cart = carts.cart(owner);
        VoucherRules.Evaluation e = rules.evaluate(v.get(), cart.subtotal(), cart.isEmpty(), clock.instant());
        return e.applies()
                ? Optional.empty()
                : Optional.of(new VoucherNotApplicableException(v.get().code(), e.reason(), e.message()));
    }
}
