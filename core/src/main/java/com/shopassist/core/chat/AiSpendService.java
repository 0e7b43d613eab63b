package com.shopassist.core.chat;

import java.math.BigDecimal;

/**
 * The store's AI spend, day by day, shared by every kiosk: the daily cap and what was spent
 * against it. The day is the store's budget day (midnight in its time zone). On a store database
 * without the ledger (a schema from before it, which a kiosk role may still serve) reading or
 * adding fails with {@link com.shopassist.core.common.ShopException} code {@code SCHEMA_BEHIND}.
 */
public interface AiSpendService {

    /** The cap and today's spend, with this kiosk's guests' share. */
    DaySpend today(String kioskId);

    /** Adds a model call's usage to today's spend of this kiosk ({@code guest}: also to its guests' share). */
    void add(String kioskId, boolean guest, TokenUsage usage);

    /** Sets the store-wide daily cap; null for no cap of that kind. */
    void setCap(Long dailyTokens, BigDecimal dailyUsd);
}
