package com.shopassist.core.voucher;

public enum DiscountType {
    PERCENT,
    FIXED
}
