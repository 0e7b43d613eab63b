package com.shopassist.core.report;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The store's daily AI budget: today's spend of every kiosk together and the cap it is held to.
 * Kept by a store-wide spend ledger where the store has one; {@link #NONE} where it has none, and
 * then the staff panel shows the spend from the recorded turns without a cap.
 */
public interface SpendBudget {

    /** Today's spend against the cap; empty when no ledger keeps one. */
    Optional<Day> today();

    /** No ledger: no cap to show. */
    SpendBudget NONE = Optional::empty;

    /**
     * One day of the ledger.
     *
     * @param capTokens the daily cap in tokens, or null for none
     * @param capUsd the daily cap in US dollars, or null for none
     * @param shareUsed the larger share of a cap used so far (0.8 at 80%), 0 without a cap
     */
    record Day(long tokens, BigDecimal costUsd, Long capTokens, BigDecimal capUsd, double shareUsed) {

        public boolean capped() {
            return capTokens != null || capUsd != null;
        }
    }
}
