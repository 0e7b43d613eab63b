package com.shopassist.ai.gemini;

import static com.shopassist.ai.gemini.FakeGemini.Reply;
import static com.shopassist.ai.gemini.Harness.FLASH;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.shopassist.ai.AssistantChain;
import com.shopassist.core.chat.AssistantReply;
import com.shopassist.core.chat.ChatContext;
import com.shopassist.core.chat.DefaultAiSpendService;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.customer.Customer;
import com.shopassist.data.chat.MyBatisAiSpendRepository;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The store's AI spend against the real ledger: a daily cap every kiosk obeys, a warning at 80%,
 * the guest budget per kiosk and day, enterprise without a budget, and each model call added; a
 * store database without the ledger's tables is served without the cap, said in one line.
 */
class StoreSpendChainIT extends ChainTestBase {

    private MyBatisAiSpendRepository spend;
    private SimpleMeterRegistry meters;
    private String kiosk;
    private ListAppender<ILoggingEvent> logged;

    @Override
    AiSettings settings() {
        return Harness.settings(fake).withBudgets(3_000, 5_000, 8_000);
    }

    @BeforeEach
    void storeLedger() {
        spend = new MyBatisAiSpendRepository(db);
        spend.setCap(null, null);
        meters = new SimpleMeterRegistry();
        kiosk = "kiosk-" + UUID.randomUUID();
        chain = chainOver(spend);
        logged = new ListAppender<>();
        logged.start();
        ((Logger) LoggerFactory.getLogger(Budget.class)).addAppender(logged);
    }

    /** The chain of this kiosk, its spend kept in {@code ledger}. */
    private AssistantChain chainOver(MyBatisAiSpendRepository ledger) {
        return AssistantChain.create(
                settings(),
                tools,
                chats,
                null,
                Clock.systemUTC(),
                new Oversight(
                        kiosk,
                        new DefaultAiSpendService(
                                ledger, Clock.systemUTC(), settings().budgetZone()),
                        meters));
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(Budget.class)).detachAppender(logged);
        spend.setCap(null, null);
    }

    private LocalDate today() {
        return LocalDate.now(Clock.system(settings().budgetZone()));
    }

    private long storeTokensToday() {
        return spend.day(today(), kiosk).storeTokens();
    }

    private void spentElsewhere(String otherKiosk, boolean guest, int tokens) {
        spend.add(today(), otherKiosk, guest, new TokenUsage(FLASH, tokens, 0, new BigDecimal("0.01")));
    }

    @Test
    void pastTheStoreCapEveryKioskAnswersOfflineWithoutAskingGemini() {
        spentElsewhere("kiosk-other", false, 2_000);
        spend.setCap(storeTokensToday() - 1, null);
        AssistantReply r = chain.reply(Harness.customer(11, Customer.Tier.PREMIUM), "search sony");
        assertThat(r.assistant()).isEqualTo("offline");
        assertThat(r.text()).isNotBlank();
        assertThat(fake.requests()).isEmpty();
        assertThat(logged.list).anyMatch(e -> e.getFormattedMessage().contains("cap reached"));
    }

    @Test
    void aCapInDollarsStopsTheModelsToo() {
        spentElsewhere("kiosk-other", false, 10);
        spend.setCap(null, new BigDecimal("0.0001"));
        assertThat(chain.reply(Harness.guest(), "search sony").assistant()).isEqualTo("offline");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void atEightyPercentOfTheCapAWarningIsLoggedOnceAndGeminiStillAnswers() {
        long before = storeTokensToday();
        spentElsewhere("kiosk-other", false, 8_500);
        spend.setCap(before + 10_000, null);
        fake.otherwise(q -> Reply.text("Hi!"));
        ChatContext ctx = Harness.customer(12, Customer.Tier.FREE);
        assertThat(chain.reply(ctx, "hello").assistant()).isEqualTo("gemini-flash");
        assertThat(chain.reply(Harness.again(ctx), "hello again").assistant()).isEqualTo("gemini-flash");
        assertThat(logged.list.stream().filter(e -> e.getFormattedMessage().contains("% of the daily cap")))
                .hasSize(1);
    }

    @Test
    void theGuestBudgetIsThisKiosksForTheDayNotOneGuestSessions() {
        // guests of this kiosk spent it in earlier sessions (before idle resets)
        spentElsewhere(kiosk, true, 2_500);
        AssistantReply r = chain.reply(Harness.guest(), "search sony");
        assertThat(r.text()).contains("sign in");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void anotherKiosksGuestsDoNotSpendThisKiosksGuestBudget() {
        spentElsewhere("kiosk-other", true, 2_900);
        fake.enqueue(FLASH, Reply.text("Hi!"));
        assertThat(chain.reply(Harness.guest(), "hello").assistant()).isEqualTo("gemini-flash");
    }

    @Test
    void anEnterpriseCustomerHasNoDailyBudget() {
        ChatContext ctx = Harness.customer(13, Customer.Tier.ENTERPRISE);
        UUID earlier = UUID.randomUUID();
        chats.ensureSession(earlier, 13L, null);
        chats.append(earlier, "model", "earlier", new TokenUsage(FLASH, 1_000_000, 0, BigDecimal.ONE));
        fake.enqueue(FLASH, Reply.text("Hi!"));
        assertThat(chain.reply(ctx, "hello").assistant()).isEqualTo("gemini-flash");
    }

    @Test
    void eachGeminiTurnIsAddedToTheLedgerAndTheMeters() {
        fake.enqueue(FLASH, Reply.text("Hi!"));
        chain.reply(Harness.guest(), "hello");
        var day = spend.day(today(), kiosk);
        assertThat(day.kioskGuestTokens()).isPositive();
        assertThat(meters.find("assistant.turns")
                        .tag("layer", "gemini-flash")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(meters.find("assistant.tokens")
                        .tag("kind", "input")
                        .counter()
                        .count())
                .isPositive();
        assertThat(meters.find("assistant.turn.latency")
                        .tag("layer", "gemini-flash")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStoreDatabaseWithoutTheLedgerServesEveryTurnWithoutTheCapAndSaysSoOnce() throws SQLException {
        try (Database behind = TestDatabase.fresh(2)) {
            // a store database without the ledger's tables
            try (Connection c = behind.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("DROP TABLE aichatbot.ai_spend_day, aichatbot.ai_spend_cap");
            }
            chain = chainOver(new MyBatisAiSpendRepository(behind));
            fake.enqueue(FLASH, Reply.text("Hi!"));
            fake.enqueue(FLASH, Reply.text("Hi again!"));
            ChatContext ctx = Harness.customer(14, Customer.Tier.FREE);

            assertThat(chain.reply(ctx, "hello").assistant()).isEqualTo("gemini-flash");
            assertThat(chain.reply(Harness.again(ctx), "hello again").assistant())
                    .isEqualTo("gemini-flash");

            assertThat(logged.list)
                    .as("one line for the missing ledger, none for each read or add")
                    .singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage())
                            .contains("no AI spend ledger", "db migrate", "without the store's daily AI cap"));
            assertThat(meters.find("assistant.tokens")
                            .tag("kind", "input")
                            .counter()
                            .count())
                    .as("the meters still count the spend")
                    .isPositive();
        }
    }
}
