package com.shopassist.core.voucher;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: tbl_voucher. */
public interface VoucherRepository {

    Optional<Voucher> byCode(String upperCaseCode);

    Optional<Voucher> byId(long voucherId);

    /** Active, inside the validity window at {@code now}, not used up. */
    List<Voucher> usableAt(Instant now);

    /**
     * Counts one use if the limit allows (guarded UPDATE); false when used up. Never lowered here:
     * a cancelled order gives its use back in the store database itself.
     */
    boolean countUse(long voucherId);
}
