package com.shopassist.ai.dialog;

/** What a shopper's message asks for, as the offline assistant understands it. */
public enum Intent {
    SEARCH,
    PRODUCT_DETAILS,
    STOCK,
    CATEGORIES,
    BRANDS,
    ADD_TO_CART,
    REMOVE_FROM_CART,
    CLEAR_CART,
    VIEW_CART,
    VOUCHERS,
    APPLY_VOUCHER,
    REMOVE_VOUCHER,
    ADDRESSES,
    CHECKOUT,
    ORDERS,
    ORDER_STATUS,
    COMPARE,
    GIFT,
    HELP,
    GREETING,
    THANKS,
    CLERK,
    CONFIRM,
    DENY,
    UNKNOWN
}
