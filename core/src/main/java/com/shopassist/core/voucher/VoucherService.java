package com.shopassist.core.voucher;

import com.shopassist.core.cart.CartOwner;
import java.util.List;
import java.util.Optional;

/** Vouchers. Usage is counted at checkout, never at apply. */
public interface VoucherService {

    /** Vouchers active and inside their validity window now, not used up. */
    List<Voucher> usableNow();

    Optional<Voucher> byCode(String code);

    /** The usable vouchers with whether each applies to this owner's cart and, if not, why. */
    List<VoucherOption> optionsFor(CartOwner owner);

    record VoucherOption(
            Voucher voucher, boolean applies, VoucherRejection reason, com.shopassist.core.money.Money discount) {}
}
