package com.shopassist.data.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ChatSummary;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.ProposedAction;
import com.shopassist.core.chat.TokenUsage;
import com.shopassist.core.common.Transactions;
import com.shopassist.data.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Chat sessions and messages in aichatbot.chat_session / chat_details. Token usage is stored per
 * message as JSONB: {"model": .., "input": n, "output": n, "total": n, "cost_usd": ".."} (the cost
 * as a string, so no binary floating point ever touches it). A session's pending proposal is
 * JSONB on its row, with its expiry beside it.
 */
public final class MyBatisChatRepository implements ChatRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChatMapper mapper;
    private final Transactions tx;

    public MyBatisChatRepository(Database db) {
        this.mapper = db.mapper(ChatMapper.class);
        this.tx = db.transactions();
    }

    @Override
    public void ensureSession(UUID sessionId, Long customerId, String guestKey) {
        mapper.insertSessionIfAbsent(sessionId.toString(), customerId, guestKey);
    }

    @Override
    public long append(UUID sessionId, String role, String content, TokenUsage usage) {
        Objects.requireNonNull(role, "role");
        NewMessage row = new NewMessage(sessionId.toString(), role, content == null ? "" : content, toJson(usage));
        // one statement: the insert and the session's updated_at together (a data-modifying CTE)
        mapper.insertMessage(row);
        return row.chatIdSequence;
    }

    @Override
    public List<Long> appendAll(UUID sessionId, List<ChatMessage> messages) {
        if (messages.isEmpty()) return List.of();
        List<NewMessage> rows = new java.util.ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            Objects.requireNonNull(m.role(), "role");
            rows.add(new NewMessage(
                    sessionId.toString(), m.role(), m.content() == null ? "" : m.content(), toJson(m.usage())));
        }
        mapper.insertMessages(rows);
        return rows.stream().map(r -> r.chatIdSequence).toList();
    }

    @Override
    public List<ChatMessage> messages(UUID sessionId) {
        return messagesAfter(sessionId, 0);
    }

    @Override
    public List<ChatMessage> messagesAfter(UUID sessionId, long afterSequence) {
        return mapper.messagesAfter(sessionId.toString(), afterSequence).stream()
                .map(MyBatisChatRepository::toMessage)
                .toList();
    }

    @Override
    public Optional<String> summary(UUID sessionId) {
        return Optional.ofNullable(mapper.session(sessionId.toString())).map(r -> r.summary);
    }

    @Override
    public void saveSummary(UUID sessionId, String summary, long uptoSequence) {
        mapper.saveSummary(sessionId.toString(), summary, uptoSequence);
    }

    @Override
    public Optional<Long> summaryUpto(UUID sessionId) {
        return Optional.ofNullable(mapper.session(sessionId.toString())).map(r -> r.summaryUpto);
    }

    @Override
    public Optional<ChatSummary> summaryState(UUID sessionId) {
        ChatSessionRow r = mapper.session(sessionId.toString());
        if (r == null || r.summaryUpto == null) return Optional.empty();
        return Optional.of(new ChatSummary(r.summary, r.summaryUpto));
    }

    @Override
    public List<ChatSessionInfo> sessionsOfCustomer(long customerId, int limit) {
        return mapper.sessionsOfCustomer(customerId, Math.max(0, limit)).stream()
                .map(MyBatisChatRepository::toInfo)
                .toList();
    }

    @Override
    public Optional<ChatSessionInfo> session(UUID sessionId) {
        return Optional.ofNullable(mapper.session(sessionId.toString())).map(MyBatisChatRepository::toInfo);
    }

    @Override
    public void setTitle(UUID sessionId, String title) {
        mapper.setTitle(sessionId.toString(), title);
    }

    @Override
    public void savePending(UUID sessionId, PendingProposal pending) {
        if (pending == null) mapper.savePending(sessionId.toString(), null, null);
        else mapper.savePending(sessionId.toString(), toJson(pending), pending.expiresAt());
    }

    @Override
    public Optional<PendingProposal> pending(UUID sessionId) {
        PendingRow r = mapper.pending(sessionId.toString());
        return r == null || r.action == null ? Optional.empty() : Optional.of(fromJson(r.action, r.until));
    }

    @Override
    public void deleteSession(UUID sessionId) {
        mapper.deleteSession(sessionId.toString());
    }

    @Override
    public long tokensUsedSince(Long customerId, String guestKey, Instant since) {
        if (customerId == null && guestKey == null) return 0;
        Long used = mapper.tokensUsedSince(customerId, guestKey, since);
        return used == null ? 0 : used;
    }

    @Override
    public int redactOlderThan(Instant before) {
        return tx.inTransaction(() -> {
            mapper.redactSummariesOlderThan(before);
            return mapper.redactMessagesOlderThan(before);
        });
    }

    @Override
    public int redactCustomer(long customerId) {
        return tx.inTransaction(() -> {
            mapper.redactCustomerSessions(customerId);
            return mapper.redactCustomerMessages(customerId);
        });
    }

    static String toJson(TokenUsage usage) {
        if (usage == null) return null;
        ObjectNode node = JSON.createObjectNode();
        node.put("model", usage.model());
        node.put("input", usage.inputTokens());
        node.put("output", usage.outputTokens());
        node.put("total", usage.totalTokens());
        node.put("cost_usd", usage.costUsd() == null ? "0" : usage.costUsd().toPlainString());
        return node.toString();
    }

    static TokenUsage fromJson(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            JsonNode node = JSON.readTree(json);
            JsonNode cost = node.get("cost_usd");
            return new TokenUsage(
                    node.path("model").asText(null),
                    node.path("input").asInt(),
                    node.path("output").asInt(),
                    cost == null || cost.isNull() ? BigDecimal.ZERO : new BigDecimal(cost.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable token_usage " + json, e);
        }
    }

    static String toJson(PendingProposal p) {
        ObjectNode node = JSON.createObjectNode();
        ProposedAction a = p.action();
        node.put("id", a.id());
        node.put("kind", a.kind().name());
        node.put("summary", a.summary());
        ObjectNode params = node.putObject("params");
        a.params().forEach(params::put);
        node.put("owner", p.owner());
        node.put("assistant", p.assistant());
        return node.toString();
    }

    static PendingProposal fromJson(String json, Instant until) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params")
                    .fields()
                    .forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            ProposedAction a = new ProposedAction(
                    node.path("id").asText(),
                    ProposedAction.Kind.valueOf(node.path("kind").asText()),
                    node.path("summary").asText(null),
                    params);
            return new PendingProposal(
                    a, node.path("owner").asText(), node.path("assistant").asText(null), until);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("unreadable pending_action " + json, new IOException(e));
        }
    }

    private static ChatMessage toMessage(ChatMessageRow r) {
        return new ChatMessage(
                r.chatIdSequence,
                UUID.fromString(r.chatSessionId),
                r.role,
                r.chatContent,
                fromJson(r.tokenUsage),
                r.createdAt);
    }

    private static ChatSessionInfo toInfo(ChatSessionRow r) {
        return new ChatSessionInfo(
                UUID.fromString(r.chatSessionId), r.customerId, r.title, r.messageCount, r.createdAt, r.updatedAt);
    }
}
