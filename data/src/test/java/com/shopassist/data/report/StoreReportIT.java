package com.shopassist.data.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.cart.CartOwner;
import com.shopassist.core.catalog.SearchMissLog;
import com.shopassist.core.chat.TurnLog;
import com.shopassist.core.common.CommerceSettings;
import com.shopassist.core.money.Money;
import com.shopassist.core.order.Order;
import com.shopassist.core.report.DefaultReportService;
import com.shopassist.core.report.StoreReport;
import com.shopassist.core.report.StoreReport.LayerFigures;
import com.shopassist.core.report.StoreReport.SearchMiss;
import com.shopassist.core.report.StoreToday;
import com.shopassist.core.report.TurnLatency;
import com.shopassist.data.CommerceFixture;
import com.shopassist.data.CommerceServices;
import com.shopassist.data.MutableClock;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store report computed from what the kiosks recorded, against PostgreSQL. */
class StoreReportIT {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final LocalDate DAY = LocalDate.parse("2026-11-25");
    /** 10:00 in Jakarta on DAY. */
    static final MutableClock clock = MutableClock.at("2026-11-25T03:00:00Z");

    static Database db;
    static CommerceFixture fx;
    static CommerceServices s;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        fx = new CommerceFixture(db);
        s = CommerceServices.create(db, clock, CommerceSettings.defaults());
    }

    @AfterAll
    static void down() {
        db.close();
    }

    static UUID chatSession(Long customerId) {
        UUID id = UUID.randomUUID();
        fx.queryLong(
                "INSERT INTO aichatbot.chat_session (chat_session_id, customer_id, guest_key) VALUES (?, ?, ?)",
                id,
                customerId,
                customerId == null ? "kiosk-report" : null);
        return id;
    }

    static void usage(UUID session, String model, int in, int out, String usd, Instant at) {
        fx.queryLong(
                "INSERT INTO aichatbot.chat_details (chat_session_id, role, chat_content, token_usage, created_at)"
                        + " VALUES (?, 'model', 'answer', cast(? as jsonb), ?)",
                session,
                "{\"model\": \"" + model + "\", \"input\": " + in + ", \"output\": " + out + ", \"total\": "
                        + (in + out) + ", \"cost_usd\": \"" + usd + "\"}",
                Timestamp.from(at));
    }

    static Order order(long customer, long product) {
        long address = fx.address(customer, "Rumah " + UUID.randomUUID());
        s.carts().add(CartOwner.customer(customer), product, 1);
        return s.checkout().checkout(customer, address, s.checkout().newIdempotencyKey());
    }

    @Test
    void aDayOfEveryKioskIsCountedByLayerWithCostAssistedSalesAndMissedSearches() {
        TurnLog turns = s.repositories().turnLog();
        SearchMissLog misses = s.repositories().searchMisses();
        long category = fx.category("Report", null);
        long shoes = fx.product(category, "Report Shoes", "Brand", 250_000, 10);
        long assistedBuyer = fx.customer("Ayu Assisted", "ayu@example.com");
        long plainBuyer = fx.customer("Bima Plain", "bima@example.com");
        UUID ayuChat = chatSession(assistedBuyer);
        UUID guestChat = chatSession(null);
        Instant nine = Instant.parse("2026-11-25T02:00:00Z");
        for (int i = 0; i < 3; i++) turns.record(ayuChat, "gemini-flash", Duration.ofMillis(900), nine);
        turns.record(guestChat, "offline", Duration.ofMillis(40), nine);
        turns.record(guestChat, "fallback", Duration.ofMillis(5), nine);
        turns.record(guestChat, "offline", Duration.ofMillis(40), Instant.parse("2026-11-24T16:59:00Z")); // day before
        usage(ayuChat, "gemini-2.5-flash", 1000, 200, "0.0008", nine);
        usage(ayuChat, "gemini-2.5-pro", 500, 100, "0.0016", nine);
        usage(ayuChat, "gemini-2.5-pro", 700, 100, "0.0020", Instant.parse("2026-11-25T17:00:00Z")); // day after
        Order assisted = order(assistedBuyer, shoes);
        Order cancelled = order(assistedBuyer, shoes);
        s.orders().cancel(assistedBuyer, cancelled.id());
        order(plainBuyer, shoes);
        // a shopper who chatted as a guest, then signed in at that kiosk and ordered
        long signedInBuyer = fx.customer("Citra Signed In", "citra@example.com");
        fx.exec("UPDATE aichatbot.chat_session SET signed_in_customer_id = " + signedInBuyer
                + " WHERE chat_session_id = '" + guestChat + "'");
        order(signedInBuyer, shoes);
        misses.record(SearchMissLog.fold("Sepatu Roda"), nine);
        misses.record(SearchMissLog.fold("  sepatu   roda "), nine);
        misses.record(SearchMissLog.fold("Kaos Batik"), nine);
        misses.record(SearchMissLog.fold("yesterday's"), Instant.parse("2026-11-24T10:00:00Z"));

        StoreReport r =
                new DefaultReportService(s.repositories().reports(), clock, JAKARTA, new BigDecimal("16000")).day(DAY);

        assertThat(r.turns()).isEqualTo(5);
        assertThat(r.sessions()).isEqualTo(2);
        assertThat(r.layers())
                .containsExactly(
                        new LayerFigures("gemini-flash", 3, 1),
                        new LayerFigures("fallback", 1, 1),
                        new LayerFigures("offline", 1, 1));
        assertThat(r.fallbackRate()).isEqualTo(0.2);
        assertThat(r.offlineRate()).isEqualTo(0.2);
        assertThat(r.inputTokens()).isEqualTo(1500);
        assertThat(r.outputTokens()).isEqualTo(300);
        assertThat(r.costUsd()).isEqualByComparingTo("0.0024");
        assertThat(r.costIdr()).isEqualTo(Money.of(38)); // 38.4 rupiah
        assertThat(r.models())
                .extracting(StoreReport.ModelUsage::model)
                .containsExactly("gemini-2.5-pro", "gemini-2.5-flash");
        assertThat(r.assistedOrders()).isEqualTo(2);
        assertThat(r.assistedRevenue()).isEqualTo(assisted.total().times(2));
        assertThat(r.allOrders()).isEqualTo(3);
        assertThat(r.allRevenue()).isEqualTo(assisted.total().times(3));
        assertThat(r.searchMisses()).containsExactly(new SearchMiss("sepatu roda", 2), new SearchMiss("kaos batik", 1));
    }

    @Test
    void aDayWithNothingRecordedIsAllZeros() {
        StoreReport r = new DefaultReportService(s.repositories().reports(), clock, JAKARTA, new BigDecimal("16000"))
                .day(LocalDate.parse("2020-01-01"));

        assertThat(r.turns()).isZero();
        assertThat(r.fallbackRate()).isZero();
        assertThat(r.costIdr()).isEqualTo(Money.ZERO);
        assertThat(r.allRevenue()).isEqualTo(Money.ZERO);
        assertThat(r.searchMisses()).isEmpty();
    }

    @Test
    void todaySoFarCountsTodaysTurnsByLayerWithTheirMedianAnd95thPercentileAndTheDaysCost() {
        TurnLog turns = s.repositories().turnLog();
        UUID chat = chatSession(null);
        // 3 December in Jakarta runs from 2 December 17:00 UTC to 3 December 17:00 UTC
        Instant morning = Instant.parse("2026-12-03T02:00:00Z");
        for (int i = 1; i <= 20; i++) {
            turns.record(chat, i <= 15 ? "gemini-flash" : "offline", Duration.ofMillis(i * 10L), morning);
        }
        turns.record(chat, "fallback", Duration.ofMillis(9_000), Instant.parse("2026-12-02T16:59:00Z"));
        turns.record(chat, "fallback", Duration.ofMillis(9_000), Instant.parse("2026-12-03T17:00:00Z"));
        usage(chat, "gemini-2.5-flash", 1000, 250, "0.0125", morning);
        usage(chat, "gemini-2.5-flash", 1000, 250, "0.5", Instant.parse("2026-12-02T16:00:00Z"));

        StoreToday today = new DefaultReportService(
                        s.repositories().reports(),
                        MutableClock.at("2026-12-03T09:00:00Z"),
                        JAKARTA,
                        new BigDecimal("16000"))
                .today();

        assertThat(today.day()).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(today.turns()).isEqualTo(20);
        assertThat(today.layers())
                .containsExactly(new LayerFigures("gemini-flash", 15, 1), new LayerFigures("offline", 5, 1));
        // nearest rank over 10, 20, ... 200 ms: the 10th and the 19th turn
        assertThat(today.latency()).isEqualTo(new TurnLatency(20, Duration.ofMillis(100), Duration.ofMillis(190)));
        assertThat(today.tokens()).isEqualTo(1250);
        assertThat(today.costUsd()).isEqualByComparingTo("0.0125");
        assertThat(today.costIdr()).isEqualTo(Money.of(200));
    }

    @Test
    void aDayWithoutTurnsHasNoLatency() {
        StoreToday today = new DefaultReportService(
                        s.repositories().reports(), MutableClock.at("2020-01-01T03:00:00Z"), JAKARTA, BigDecimal.ONE)
                .today();

        assertThat(today.turns()).isZero();
        assertThat(today.latency()).isEqualTo(TurnLatency.NONE);
        assertThat(today.costIdr()).isEqualTo(Money.ZERO);
    }
}
