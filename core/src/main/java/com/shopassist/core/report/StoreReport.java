package com.shopassist.core.report;

import com.shopassist.core.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One store day as a manager reads it in the morning, from every kiosk's records.
 *
 * @param layers turns and sessions by the assistant layer that answered (a session counts once
 *     under each layer that answered in it), most turns first
 * @param fallbackRate the share of turns that only the graceful fallback could answer (0 to 1)
 * @param offlineRate the share of turns the offline assistant answered
 * @param models tokens and cost by model
 * @param costIdr the USD cost at {@code usdToIdr}, rounded to whole rupiah
 * @param assistedOrders orders placed (not cancelled) by customers who talked to the assistant
 *     that day before ordering
 * @param searchMisses the searches that found nothing, most frequent first
 */
public record StoreReport(
        LocalDate day,
        ZoneId zone,
        long turns,
        long sessions,
        List<LayerFigures> layers,
        double fallbackRate,
        double offlineRate,
        List<ModelUsage> models,
        long inputTokens,
        long outputTokens,
        BigDecimal costUsd,
        BigDecimal usdToIdr,
        Money costIdr,
        long assistedOrders,
        Money assistedRevenue,
        long allOrders,
        Money allRevenue,
        List<SearchMiss> searchMisses) {

    /** Turns and sessions one layer answered ("gemini-flash", "gemini-pro", "offline", "fallback"). */
    public record LayerFigures(String assistant, long turns, long sessions) {}

    /** Tokens and cost of one model. */
    public record ModelUsage(String model, long calls, long inputTokens, long outputTokens, BigDecimal costUsd) {}

    /** A search that found nothing, and how often it was made. */
    public record SearchMiss(String query, long times) {}

    /** Orders and revenue over a day. */
    public record Sales(long orders, Money revenue) {}

    public StoreReport {
        layers = List.copyOf(layers);
        models = List.copyOf(models);
        searchMisses = List.copyOf(searchMisses);
    }

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
