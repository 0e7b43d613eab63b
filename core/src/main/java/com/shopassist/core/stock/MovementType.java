package com.shopassist.core.stock;

/**
 * Kinds of stock movement. HOLD, RELEASE and EXPIRE change what is free to hold (stock minus
 * reserved); their before/after are that free quantity. SALE, CANCEL_RETURN, RESTOCK and
 * ADJUSTMENT change the stock on hand; their before/after are the stock quantity. In every
 * movement {@code quantity = after - before}.
 */
public enum MovementType {
    RESTOCK,
    HOLD,
    RELEASE,
    EXPIRE,
    SALE,
    CANCEL_RETURN,
    ADJUSTMENT
}
