package com.shopassist.core.voucher;

import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A voucher as stored. {@code maxDiscount} caps a percent voucher (null = no cap). */
public record Voucher(
        long id,
        String code,
        String description,
        DiscountType type,
        BigDecimal value,
        Money minPurchase,
        Money maxDiscount,
        Integer usageLimit,
        int usedCount,
        Instant validFrom,
        Instant validUntil,
        boolean active) {}
