package com.shopassist.core.voucher;

import com.shopassist.core.common.ShopException;

/** A voucher that cannot be used now, with the reason in {@link #reason()} and in the message. */
public class VoucherNotApplicableException extends ShopException {
    private final String voucherCode;
    private final VoucherRejection reason;

    public VoucherNotApplicableException(String voucherCode, VoucherRejection reason, String message) {
        super("VOUCHER_" + reason.name(), message);
        this.voucherCode = voucherCode;
        this.reason = reason;
    }

    public String voucherCode() {
        return voucherCode;
    }

    public VoucherRejection reason() {
        return reason;
    }
}
