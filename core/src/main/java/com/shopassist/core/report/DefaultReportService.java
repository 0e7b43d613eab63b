package com.shopassist.core.report;

import com.shopassist.core.money.Money;
import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreReport.ModelUsage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** {@link ReportService}: the counts from the {@link ReportRepository}, the rates and rupiah here. */
public final class DefaultReportService implements ReportService {

    /** Searches that found nothing listed in a report. */
    public static final int TOP_MISSES = 10;

    private final ReportRepository reports;
    private final Clock clock;
    private final ZoneId zone;
    private final BigDecimal usdToIdr;

    public DefaultReportService(ReportRepository reports, Clock clock, ZoneId zone, BigDecimal usdToIdr) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (usdToIdr == null || usdToIdr.signum() <= 0) throw new IllegalArgumentException("usdToIdr must be positive");
        this.usdToIdr = usdToIdr;
    }

    @Override
    public StoreReport yesterday() {
        return day(LocalDate.now(clock.withZone(zone)).minusDays(1));
    }

    @Override
    public StoreReport day(LocalDate day) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<LayerFigures> layers = reports.layers(from, to);
        List<ModelUsage> models = reports.models(from, to);
        long turns = layers.stream().mapToLong(LayerFigures::turns).sum();
        BigDecimal usd = costOf(models);
        StoreReport.Sales assisted = reports.assistedSales(from, to);
        StoreReport.Sales all = reports.allSales(from, to);
        return new StoreReport(
                day,
                zone,
                turns,
                reports.sessions(from, to),
                layers,
                share(layers, "fallback", turns),
                share(layers, "offline", turns),
                models,
                models.stream().mapToLong(ModelUsage::inputTokens).sum(),
                models.stream().mapToLong(ModelUsage::outputTokens).sum(),
                usd,
                usdToIdr,
                rupiah(usd),
                assisted.orders(),
                assisted.revenue(),
                all.orders(),
                all.revenue(),
                reports.searchMisses(from, to, TOP_MISSES));
    }

    @Override
    public StoreToday today() {
        LocalDate day = LocalDate.now(clock.withZone(zone));
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<LayerFigures> layers = reports.layers(from, to);
        List<ModelUsage> models = reports.models(from, to);
        BigDecimal usd = costOf(models);
        return new StoreToday(
                day,
                layers.stream().mapToLong(LayerFigures::turns).sum(),
                layers,
                reports.latency(from, to),
                models.stream()
                        .mapToLong(m -> m.inputTokens() + m.outputTokens())
                        .sum(),
                usd,
                rupiah(usd),
                usdToIdr);
    }

    private static BigDecimal costOf(List<ModelUsage> models) {
        return models.stream().map(ModelUsage::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Money rupiah(BigDecimal usd) {
        return Money.of(usd.multiply(usdToIdr).setScale(Money.SCALE, Money.ROUNDING));
    }

    private static double share(List<LayerFigures> layers, String assistant, long turns) {
        if (turns == 0) return 0;
        long n = layers.stream()
                .filter(l -> l.assistant().equals(assistant))
                .mapToLong(LayerFigures::turns)
                .sum();
        return (double) n / turns;
    }
}
