package com.shopassist.core.chat;

import java.time.LocalDate;

/**
 * Port: the store's AI spend ledger, shared by every kiosk on the store database. Each kiosk adds
 * what its model calls cost to its own row of the day; the store's daily cap is read from the same
 * database, so a cap set once holds for all kiosks. A store database without the ledger's tables
 * fails with {@link com.shopassist.core.common.ShopException} code {@code SCHEMA_BEHIND}.
 */
public interface AiSpendRepository {

    /** The store's cap and what was spent on {@code day}, with this kiosk's guest share: one read. */
    DaySpend day(LocalDate day, String kioskId);

    /** Adds one call's (or one turn's) usage to the kiosk's row of the day; {@code guest} also counts it as guest spend. */
    void add(LocalDate day, String kioskId, boolean guest, TokenUsage usage);

    /** Sets the store-wide daily cap; null for no cap of that kind. */
    void setCap(Long dailyTokens, java.math.BigDecimal dailyUsd);
}
