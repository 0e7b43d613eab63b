package com.shopassist.core.voucher;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link VoucherService}: reads vouchers. The rules live in {@link VoucherRules}; whether a
 * voucher applies to a cart is the cart's question ({@code CartService.voucherOptions}).
 */
public final class DefaultVoucherService implements VoucherService {

    private final VoucherRepository vouchers;
    private final Clock clock;

    public DefaultVoucherService(VoucherRepository vouchers, Clock clock) {
        this.vouchers = vouchers;
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
}
