package com.shopassist.data.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopassist.core.chat.DaySpend;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.common.ShopException;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The store's AI spend ledger as kiosks use it: under a kiosk login role (V154's grants), two
 * kiosks adding to the same rows at once lose nothing, and only the owner sets the cap; a ledger
 * whose tables are missing says the schema is behind.
 */
class AiSpendLedgerIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @Test
    void kiosksAddingAtOnceLoseNoTokenAndOnlyTheOwnerSetsTheCap() throws Exception {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(4);
                Database other = roles.otherKiosk(4)) {
            MyBatisAiSpendRepository owner = new MyBatisAiSpendRepository(roles.owner());
            List<MyBatisAiSpendRepository> kiosks =
                    List.of(new MyBatisAiSpendRepository(roles.kiosk()), new MyBatisAiSpendRepository(other));
            owner.setCap(1_000_000L, null);

            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> adds = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    MyBatisAiSpendRepository ledger = kiosks.get(t % 2);
                    boolean guest = t % 3 == 0;
                    adds.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            // every thread adds to the same row (k1) and to the store's day
                            ledger.add(DAY, "k1", guest, new TokenUsage("m", 7, 3, new BigDecimal("0.0001")));
                        }
                    }));
                }
                for (Future<?> f : adds) f.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            DaySpend seen = kiosks.get(0).day(DAY, "k1");
            assertThat(seen.storeTokens()).isEqualTo(6 * 40 * 10L);
            assertThat(seen.storeCostUsd()).isEqualByComparingTo("0.024");
            assertThat(seen.kioskGuestTokens()).isEqualTo(2 * 40 * 10L);
            assertThat(seen.capTokens()).isEqualTo(1_000_000L);
            if (roles.kioskRole()) {
                assertThatThrownBy(() -> kiosks.get(0).setCap(null, null))
                        .as("the cap is the owner's to set")
                        .isInstanceOf(RuntimeException.class);
                assertThat(owner.day(DAY, "k1").capTokens()).isEqualTo(1_000_000L);
            }
        }
    }

    @Test
    void aLedgerWhoseTablesAreMissingSaysTheSchemaIsBehindInOneLine() {
        try (TestDatabase.Roles roles = TestDatabase.freshWithKiosk(2)) {
            // a kiosk role serves a store database only from the cart outbox's V157 on, so it never
            // meets one from before V154; a ledger missing all the same is SCHEMA_BEHIND, the one
            // code the chain serves on without the store's cap, never an SQL error
            new CommerceFixture(roles.owner()).exec("DROP TABLE aichatbot.ai_spend_day, aichatbot.ai_spend_cap");

            try (Database kiosk = Database.open(roles.kiosk().settings(), 2)) {
                kiosk.migrate();
                MyBatisAiSpendRepository ledger = new MyBatisAiSpendRepository(kiosk);
                assertThatThrownBy(() -> ledger.day(DAY, "k1"))
                        .isInstanceOfSatisfying(
                                ShopException.class, e -> assertThat(e.code()).isEqualTo("SCHEMA_BEHIND"))
                        .hasMessageContaining("no AI spend ledger")
                        .hasMessageNotContaining("\n");
                assertThatThrownBy(() -> ledger.add(DAY, "k1", true, new TokenUsage("m", 7, 3, BigDecimal.ONE)))
                        .isInstanceOfSatisfying(
                                ShopException.class, e -> assertThat(e.code()).isEqualTo("SCHEMA_BEHIND"));
            }
        }
    }
}
