package com.shopassist.core.report;

import com.shopassist.core.money.Money;
import com.shopassist.core.report.StoreReport.LayerFigures;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The store's day so far, across every kiosk, as the staff panel shows it at a glance: how the
 * assistant answered, how fast, and what it cost.
 *
 * @param layers turns by the layer that answered, most first
 * @param tokens input and output tokens of every model call today
 * @param costIdr {@code costUsd} in rupiah at {@code usdToIdr}
 * @param usdToIdr the report's rupiah per US dollar ({@code report.usd-to-idr})
 */
public record StoreToday(
        LocalDate day,
        long turns,
        List<LayerFigures> layers,
        TurnLatency latency,
        long tokens,
        BigDecimal costUsd,
        Money costIdr,
        BigDecimal usdToIdr) {

    public StoreToday {
        layers = List.copyOf(layers);
    }

    /** {@code usd} in whole rupiah at the report's rate (a ledger's spend, shown like the report's). */
    public Money rupiah(BigDecimal usd) {
        return Money.of(usd.multiply(usdToIdr).setScale(Money.SCALE, Money.ROUNDING));
    }
}
