package com.shopassist.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaySpendTest {

    @Test
    void withoutACapNothingIsEverReached() {
        DaySpend d = new DaySpend(null, null, 10_000_000, new BigDecimal("999"), 0);
        assertThat(d.capShareUsed()).isZero();
        assertThat(d.capReached()).isFalse();
    }

    @Test
    void theLargerShareOfTokensAndDollarsCounts() {
        DaySpend d = new DaySpend(10_000L, new BigDecimal("2.00"), 5_000, new BigDecimal("1.70"), 0);
        assertThat(d.capShareUsed()).isEqualTo(0.85);
        assertThat(d.capReached()).isFalse();
        assertThat(new DaySpend(10_000L, null, 10_000, null, 0).capReached()).isTrue();
        assertThat(new DaySpend(null, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0).capReached())
                .as("a cap of zero stops the models at once")
                .isTrue();
    }

    @Test
    void theServiceCountsOnTheStoresDayNotUtcs() {
        List<LocalDate> days = new ArrayList<>();
        AiSpendRepository ledger = new AiSpendRepository() {
            @Override
            public DaySpend day(LocalDate day, String kioskId) {
                days.add(day);
                return DaySpend.NONE;
            }

            @Override
            public void add(LocalDate day, String kioskId, boolean guest, TokenUsage usage) {
                days.add(day);
            }

            @Override
            public void setCap(Long dailyTokens, BigDecimal dailyUsd) {}
        };
        // 20:00 UTC is 03:00 the next day in Jakarta
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T20:00:00Z"), ZoneId.of("UTC"));
        AiSpendService s = new DefaultAiSpendService(ledger, clock, ZoneId.of("Asia/Jakarta"));
        s.today("k1");
        s.add("k1", true, new TokenUsage("m", 1, 1, BigDecimal.ONE));
        assertThat(days).containsOnly(LocalDate.parse("2026-12-04"));
        assertThatThrownBy(() -> s.setCap(-1L, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
