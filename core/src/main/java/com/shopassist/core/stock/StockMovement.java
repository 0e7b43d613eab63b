package com.shopassist.core.stock;

import java.time.Instant;

/** One recorded change of stock; see {@link MovementType} for what before/after measure. */
public record StockMovement(
        long id,
        long productId,
        MovementType type,
        int quantity,
        int quantityBefore,
        int quantityAfter,
        String referenceType,
        String referenceId,
        Instant createdAt) {}
