package com.shopassist.data.loadtest;

/**
 * The rows a load test could leave behind, and the stock it could change: equal before and after a
 * run that cleaned up (when nothing else used the store meanwhile).
 */
public record StoreCounts(
        long customers,
        long sessions,
        long addresses,
        long carts,
        long cartLines,
        long holds,
        long orders,
        long orderLines,
        long checkoutKeys,
        long movements,
        long chats,
        long chatMessages,
        long chatTurns,
        long searchMisses,
        long stock,
        long reserved,
        long voucherUses) {}
