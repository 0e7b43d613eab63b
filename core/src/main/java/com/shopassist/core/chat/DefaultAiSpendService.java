package com.shopassist.core.chat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** {@link AiSpendService} over the store's ledger; the day starts at midnight in {@code zone}. */
public final class DefaultAiSpendService implements AiSpendService {

    private final AiSpendRepository ledger;
    private final Clock clock;
    private final ZoneId zone;

    public DefaultAiSpendService(AiSpendRepository ledger, Clock clock, ZoneId zone) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public DaySpend today(String kioskId) {
        return ledger.day(day(), kioskId);
    }

    @Override
    public void add(String kioskId, boolean guest, TokenUsage usage) {
        if (usage == null) return;
        if (usage.costUsd() != null && usage.costUsd().signum() < 0) {
            throw new IllegalArgumentException("a cost cannot be negative");
        }
        ledger.add(day(), kioskId, guest, usage);
    }

    @Override
    public void setCap(Long dailyTokens, BigDecimal dailyUsd) {
        if (dailyTokens != null && dailyTokens < 0 || dailyUsd != null && dailyUsd.signum() < 0) {
            throw new IllegalArgumentException("a daily cap cannot be negative");
        }
        ledger.setCap(dailyTokens, dailyUsd);
    }

    private LocalDate day() {
        return LocalDate.now(clock.withZone(zone));
    }
}
