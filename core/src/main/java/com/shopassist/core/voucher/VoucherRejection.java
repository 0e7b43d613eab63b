package com.shopassist.core.voucher;

/** Why a voucher does not apply. Stable codes; the UI and the assistants word them. */
public enum VoucherRejection {
    UNKNOWN_CODE,
    INACTIVE,
    NOT_YET_VALID,
    EXPIRED,
    USAGE_LIMIT_REACHED,
    BELOW_MINIMUM_PURCHASE,
    EMPTY_CART
}
