package com.shopassist.core.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: aichatbot.chat_session / chat_details. Implemented in data. */
public interface ChatRepository {

    /** Creates the session if it does not exist yet. */
    void ensureSession(UUID sessionId, Long customerId, String guestKey);

    long append(UUID sessionId, String role, String content, TokenUsage usage);

    /**
     * Appends several messages in order, in one write where the store can (a turn's shopper
     * message, tool rounds and answer); only their role, content and usage are read. Returns
     * their sequences in the same order.
     */
    default List<Long> appendAll(UUID sessionId, List<ChatMessage> messages) {
        List<Long> out = new java.util.ArrayList<>(messages.size());
        for (ChatMessage m : messages) out.add(append(sessionId, m.role(), m.content(), m.usage()));
        return out;
    }

    List<ChatMessage> messages(UUID sessionId);

    /** Messages after {@code afterSequence}, oldest first. */
    List<ChatMessage> messagesAfter(UUID sessionId, long afterSequence);

    Optional<String> summary(UUID sessionId);

    /** The summary covers every message up to and including {@code uptoSequence}. */
    void saveSummary(UUID sessionId, String summary, long uptoSequence);

    Optional<Long> summaryUpto(UUID sessionId);

    /** The summary with the sequence it covers, read together (one round trip where it matters). */
    default Optional<ChatSummary> summaryState(UUID sessionId) {
        Optional<Long> upto = summaryUpto(sessionId);
        if (upto.isEmpty()) return Optional.empty();
        return Optional.of(new ChatSummary(summary(sessionId).orElse(null), upto.get()));
    }

    /**
     * Keeps {@code pending} as the session's proposal waiting for a yes, replacing any, or clears it
     * when null. Does nothing for a session that is not stored.
     */
    void savePending(UUID sessionId, PendingProposal pending);

    /** The session's stored pending proposal, expired or not; empty when it has none. */
    Optional<PendingProposal> pending(UUID sessionId);

    List<ChatSessionInfo> sessionsOfCustomer(long customerId, int limit);

    Optional<ChatSessionInfo> session(UUID sessionId);

    void setTitle(UUID sessionId, String title);

    void deleteSession(UUID sessionId);

    /** Tokens used since {@code since} by a customer (all their sessions) or a guest key. */
    long tokensUsedSince(Long customerId, String guestKey, Instant since);

    /** Redacts the content of messages older than {@code before}; returns how many. */
    int redactOlderThan(Instant before);

    /** Redacts every message of the customer's sessions; returns how many. */
    int redactCustomer(long customerId);
}
