package com.shopassist.data.chat;

import com.shopassist.core.chat.AiSpendRepository;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.data.db.Database;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The store's AI spend ledger in aichatbot.ai_spend_cap / ai_spend_day. */
public final class MyBatisAiSpendRepository implements AiSpendRepository {

    private final AiSpendMapper mapper;

    public MyBatisAiSpendRepository(Database db) {
        this.mapper = db.mapper(AiSpendMapper.class);
    }

    @Override
    public DaySpend day(LocalDate day, String kioskId) {
        AiSpendMapper.SpendRow r = mapper.day(day, kioskId);
        if (r == null) return DaySpend.NONE;
        return new DaySpend(r.capTokens, r.capUsd, r.storeTokens, r.storeCostUsd, r.kioskGuestTokens);
    }

    @Override
    public void add(LocalDate day, String kioskId, boolean guest, TokenUsage usage) {
        if (usage == null) return;
        long tokens = usage.totalTokens();
        BigDecimal cost = usage.costUsd() == null ? BigDecimal.ZERO : usage.costUsd();
        if (tokens == 0 && cost.signum() == 0) return;
        mapper.add(day, kioskId, tokens, cost, guest ? tokens : 0);
    }

    @Override
    public void setCap(Long dailyTokens, BigDecimal dailyUsd) {
        mapper.setCap(dailyTokens, dailyUsd);
    }
}
