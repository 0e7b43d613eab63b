package com.shopassist.data.chat;

import com.shopassist.data.db.SqlMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.ibatis.annotations.Param;

/** aichatbot.ai_spend_cap and ai_spend_day. */
public interface AiSpendMapper extends SqlMapper {

    SpendRow day(@Param("day") LocalDate day, @Param("kioskId") String kioskId);

    int add(
            @Param("day") LocalDate day,
            @Param("kioskId") String kioskId,
            @Param("tokens") long tokens,
            @Param("costUsd") BigDecimal costUsd,
            @Param("guestTokens") long guestTokens);

    int setCap(@Param("tokens") Long tokens, @Param("usd") BigDecimal usd);

    /** One read of the cap and the day's sums. */
    final class SpendRow {
        Long capTokens;
        BigDecimal capUsd;
        long storeTokens;
        BigDecimal storeCostUsd;
        long kioskGuestTokens;
    }
}
