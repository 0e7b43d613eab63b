package com.shopassist.core.chat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The store's daily AI cap and one day's spend against it.
 *
 * @param capTokens the store-wide daily cap in tokens, or null for none
 * @param capUsd the store-wide daily cap in US dollars, or null for none
 * @param storeTokens tokens every kiosk used that day
 * @param storeCostUsd what they cost
 * @param kioskGuestTokens tokens this kiosk's guests used that day (all guest sessions together)
 */
public record DaySpend(
        Long capTokens, BigDecimal capUsd, long storeTokens, BigDecimal storeCostUsd, long kioskGuestTokens) {

    public DaySpend {
        if (storeCostUsd == null) storeCostUsd = BigDecimal.ZERO;
    }

    /** Nothing spent, no cap. */
    public static final DaySpend NONE = new DaySpend(null, null, 0, BigDecimal.ZERO, 0);

    /** The larger share of a cap used so far (0.8 at 80%), 0 without a cap. */
    public double capShareUsed() {
        double share = 0;
        if (capTokens != null) share = capTokens <= 0 ? 1 : (double) storeTokens / capTokens;
        if (capUsd != null) {
            double usd = capUsd.signum() <= 0
                    ? 1
                    : storeCostUsd.divide(capUsd, 6, RoundingMode.HALF_UP).doubleValue();
            share = Math.max(share, usd);
        }
        return share;
    }

    /** True when the store's cap is spent: every kiosk answers offline until the day ends. */
    public boolean capReached() {
        return capShareUsed() >= 1.0;
    }
}
