package com.shopassist.core.voucher;

import com.shopassist.core.money.Money;
import java.util.List;
import java.util.Optional;

/**
 * Vouchers. Usage is counted at checkout, never at apply. Which vouchers apply to a shopper's
 * cart, and why the others do not, the cart answers ({@code CartService.voucherOptions}).
 */
public interface VoucherService {

    /** Vouchers active and inside their validity window now, not used up. */
    List<Voucher> usableNow();

    Optional<Voucher> byCode(String code);

    /** A usable voucher and whether it applies to a cart now: if so the saving, if not why. */
    record VoucherOption(Voucher voucher, boolean applies, VoucherRejection reason, Money discount) {}
}
