package com.shopassist.data.chat;

import com.shopassist.core.chat.AiSpendRepository;
import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.db.Database;
import com.shopassist.data.db.DbErrors;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The store's AI spend ledger in aichatbot.ai_spend_cap / ai_spend_day (V154). A kiosk role serves
 * a store database only from V157 on, so the tables are there; should they be missing all the
 * same, that is said as SCHEMA_BEHIND, not as an SQL error.
 */
public final class MyBatisAiSpendRepository implements AiSpendRepository {

    /** PostgreSQL's undefined_table. */
    private static final String NO_SUCH_TABLE = "42P01";

    private final AiSpendMapper mapper;

    public MyBatisAiSpendRepository(Database db) {
        this.mapper = db.mapper(AiSpendMapper.class);
    }

    @Override
    public DaySpend day(LocalDate day, String kioskId) {
        AiSpendMapper.SpendRow r = inLedger(() -> mapper.day(day, kioskId));
        if (r == null) return DaySpend.NONE;
        return new DaySpend(r.capTokens, r.capUsd, r.storeTokens, r.storeCostUsd, r.kioskGuestTokens);
    }

    @Override
    public void add(LocalDate day, String kioskId, boolean guest, TokenUsage usage) {
        if (usage == null) return;
        long tokens = usage.totalTokens();
        BigDecimal cost = usage.costUsd() == null ? BigDecimal.ZERO : usage.costUsd();
        if (tokens == 0 && cost.signum() == 0) return;
        inLedger(() -> mapper.add(day, kioskId, tokens, cost, guest ? tokens : 0));
    }

    @Override
    public void setCap(Long dailyTokens, BigDecimal dailyUsd) {
        mapper.setCap(dailyTokens, dailyUsd);
    }

    private static <T> T inLedger(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!DbErrors.hasSqlState(e, NO_SUCH_TABLE)) throw e;
            throw new ShopException(
                    "SCHEMA_BEHIND",
                    "the store database has no AI spend ledger (migration 154 is not applied; ask IT to run db migrate)",
                    e);
        }
    }
}
