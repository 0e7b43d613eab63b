package com.shopassist.data.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatSummary;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.data.db.Database;
import com.shopassist.data.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MyBatisChatRepositoryIT {

    static Database db;
    static MyBatisChatRepository chats;

    @BeforeAll
    static void up() {
        db = TestDatabase.fresh(4);
        chats = new MyBatisChatRepository(db);
    }

    @AfterAll
    static void down() {
        db.close();
    }

    @Test
    void appendedMessagesComeBackInOrderWithTheirTokenUsage() {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, 41L, null);
        chats.ensureSession(id, 41L, null); // idempotent
        long first = chats.append(id, "user", "cari headphone", null);
        long second = chats.append(
                id,
                "model",
                "Ini pilihannya",
                new TokenUsage("gemini-2.5-flash", 812, 64, new BigDecimal("0.0004036")));

        assertThat(second).isGreaterThan(first);
        var all = chats.messages(id);
        assertThat(all).extracting(ChatMessage::role).containsExactly("user", "model");
        assertThat(all.get(0).usage()).isNull();
        assertThat(all.get(1).usage())
                .isEqualTo(new TokenUsage("gemini-2.5-flash", 812, 64, new BigDecimal("0.0004036")));
        assertThat(all.get(1).createdAt()).isNotNull();
        assertThat(chats.messagesAfter(id, first))
                .extracting(ChatMessage::sequence)
                .containsExactly(second);
    }

    @Test
    void aTurnsMessagesAreAppendedTogetherInOrder() {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, 42L, null);
        long before = chats.append(id, "user", "earlier", null);
        TokenUsage usage = new TokenUsage("gemini-2.5-flash", 10, 2, new BigDecimal("0.000008"));
        List<Long> seqs = chats.appendAll(
                id,
                List.of(
                        new ChatMessage(0, id, "user", "add it", null, null),
                        new ChatMessage(0, id, "tool", "{\"calls\":[]}", usage, null),
                        new ChatMessage(0, id, "model", "Added.", usage, null)));
        assertThat(seqs).hasSize(3).isSorted().allSatisfy(s -> assertThat(s).isGreaterThan(before));
        var all = chats.messagesAfter(id, before);
        assertThat(all).extracting(ChatMessage::sequence).containsExactlyElementsOf(seqs);
        assertThat(all).extracting(ChatMessage::role).containsExactly("user", "tool", "model");
        assertThat(all.get(2).usage()).isEqualTo(usage);
        assertThat(chats.appendAll(id, List.of())).isEmpty();
    }

    @Test
    void tokenUsageIsStoredAsTheDocumentedJsonb() throws SQLException {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, null, "kiosk-7");
        chats.append(id, "model", "ok", new TokenUsage("gemini-2.5-pro", 100, 20, new BigDecimal("0.000325")));

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select token_usage ->> 'model', (token_usage ->> 'total')::int,"
                                + " token_usage ->> 'cost_usd', jsonb_typeof(token_usage -> 'input')"
                                + " from aichatbot.chat_details where chat_session_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("gemini-2.5-pro");
                assertThat(rs.getInt(2)).isEqualTo(120);
                assertThat(rs.getString(3)).isEqualTo("0.000325");
                assertThat(rs.getString(4)).isEqualTo("number");
            }
        }
    }

    @Test
    void summaryTitleAndListingOfACustomersSessions() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        chats.ensureSession(older, 77L, null);
        chats.append(older, "user", "hi", null);
        chats.ensureSession(newer, 77L, null);
        chats.append(newer, "user", "cari laptop", null);
        chats.append(newer, "tool", "{}", null);
        chats.append(newer, "model", "Ada 3 laptop", null);
        chats.setTitle(newer, "cari laptop");
        chats.saveSummary(newer, "Shopper looked for laptops.", 2);

        assertThat(chats.summary(newer)).contains("Shopper looked for laptops.");
        assertThat(chats.summaryState(newer)).contains(new ChatSummary("Shopper looked for laptops.", 2));
        assertThat(chats.summaryState(older)).isEmpty();
        assertThat(chats.summaryUpto(newer)).contains(2L);
        assertThat(chats.summaryUpto(older)).isEmpty();
        var list = chats.sessionsOfCustomer(77L, 10);
        assertThat(list).extracting(s -> s.id()).containsExactly(newer, older);
        assertThat(list.get(0).title()).isEqualTo("cari laptop");
        assertThat(list.get(0).messageCount()).isEqualTo(2); // the tool row is not a visible message
        assertThat(chats.sessionsOfCustomer(78L, 10)).isEmpty();
        assertThat(chats.session(UUID.randomUUID())).isEmpty();
    }

    @Test
    void deletingASessionDeletesItsMessages() {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, 90L, null);
        chats.append(id, "user", "hello", null);
        chats.deleteSession(id);
        assertThat(chats.session(id)).isEmpty();
        assertThat(chats.messages(id)).isEmpty();
    }

    @Test
    void tokensUsedCountsOnlyThatCustomerOrGuestSinceTheInstant() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID guest = UUID.randomUUID();
        chats.ensureSession(a, 500L, null);
        chats.ensureSession(b, 500L, null);
        chats.ensureSession(guest, null, "kiosk-500");
        chats.append(a, "model", "x", new TokenUsage("m", 1000, 200, BigDecimal.ZERO));
        chats.append(b, "model", "y", new TokenUsage("m", 300, 0, BigDecimal.ZERO));
        chats.append(guest, "model", "z", new TokenUsage("m", 50, 5, BigDecimal.ZERO));
        Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);

        assertThat(chats.tokensUsedSince(500L, null, hourAgo)).isEqualTo(1500);
        assertThat(chats.tokensUsedSince(null, "kiosk-500", hourAgo)).isEqualTo(55);
        assertThat(chats.tokensUsedSince(501L, null, hourAgo)).isZero();
        assertThat(chats.tokensUsedSince(500L, null, Instant.now().plus(1, ChronoUnit.HOURS)))
                .isZero();
    }

    @Test
    void redactingACustomerBlanksTheirMessagesSummaryAndTitleOnly() {
        UUID mine = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        chats.ensureSession(mine, 600L, null);
        chats.ensureSession(other, 601L, null);
        chats.append(mine, "user", "my address is Jl. Melati 5", null);
        chats.append(other, "user", "keep me", null);
        chats.setTitle(mine, "my address");
        chats.saveSummary(mine, "lives at Jl. Melati 5", 1);

        assertThat(chats.redactCustomer(600L)).isEqualTo(1);
        assertThat(chats.messages(mine)).extracting(ChatMessage::content).containsExactly("[redacted]");
        assertThat(chats.summary(mine)).isEmpty();
        assertThat(chats.session(mine).orElseThrow().title()).isNull();
        assertThat(chats.messages(other)).extracting(ChatMessage::content).containsExactly("keep me");
    }

    @Test
    void redactingOldMessagesLeavesNewOnes() {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, 700L, null);
        chats.append(id, "user", "recent", null);
        assertThat(chats.redactOlderThan(Instant.now().minus(1, ChronoUnit.DAYS)))
                .isZero();
        assertThat(chats.messages(id)).extracting(ChatMessage::content).containsExactly("recent");
        assertThat(chats.redactOlderThan(Instant.now().plus(1, ChronoUnit.MINUTES)))
                .isPositive();
        assertThat(chats.messages(id)).extracting(ChatMessage::content).containsExactly("[redacted]");
    }

    static PendingProposal checkout(String owner) {
        return new PendingProposal(
                new ProposedAction(
                        UUID.randomUUID().toString(),
                        ProposedAction.Kind.CHECKOUT,
                        "Checkout 2 items, Rp 1.398.000, to Rumah?",
                        Map.of("address_id", "7", "idempotency_key", "k-1", "total", "1398000")),
                owner,
                "offline",
                Instant.parse("2026-11-25T10:30:00Z"));
    }

    @Test
    void aPendingProposalIsKeptWithItsSessionUntilReplacedOrCleared() {
        UUID id = UUID.randomUUID();
        assertThat(chats.pending(id)).isEmpty();
        chats.savePending(id, checkout("c:800"));
        assertThat(chats.pending(id)).as("no session stored: nothing kept").isEmpty();

        chats.ensureSession(id, 800L, null);
        PendingProposal first = checkout("c:800");
        chats.savePending(id, first);
        assertThat(chats.pending(id)).contains(first);
        PendingProposal second = checkout("c:800");
        chats.savePending(id, second);
        assertThat(chats.pending(id)).contains(second);
        chats.savePending(id, null);
        assertThat(chats.pending(id)).isEmpty();

        chats.savePending(id, first);
        chats.deleteSession(id);
        assertThat(chats.pending(id)).isEmpty();
    }

    @Test
    void redactingACustomerClearsTheirPendingProposal() {
        UUID id = UUID.randomUUID();
        chats.ensureSession(id, 801L, null);
        chats.savePending(id, checkout("c:801"));
        chats.redactCustomer(801L);
        assertThat(chats.pending(id)).isEmpty();
    }
}
