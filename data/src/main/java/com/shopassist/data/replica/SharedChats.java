package com.shopassist.data.replica;

import com.shopassist.core.chat.ChatMessage;
import com.shopassist.core.chat.ChatRepository;
import com.shopassist.core.chat.ChatSessionInfo;
import com.shopassist.core.chat.ChatSummary;
import com.shopassist.core.chat.PendingProposal;
import com.shopassist.core.chat.TokenUsage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Chat history stays in the shared database only (it is the shopper's words: never in the
 * replica). The assistant reads it at the start of every turn and answers without it when it
 * cannot, so on a kiosk with a replica each read gets the switch's deadline: a turn that meets a
 * dropped network loses at most that long before the replica answers it. Writes go straight to the
 * shared database (refused at once while the kiosk is local).
 */
public final class SharedChats implements ChatRepository {

    private final ChatRepository shared;
    private final StoreSwitch store;

    public SharedChats(ChatRepository shared, StoreSwitch store) {
        this.shared = shared;
        this.store = store;
    }

    @Override
    public void ensureSession(UUID sessionId, Long customerId, String guestKey) {
        shared.ensureSession(sessionId, customerId, guestKey);
    }

    @Override
    public long append(UUID sessionId, String role, String content, TokenUsage usage) {
        return shared.append(sessionId, role, content, usage);
    }

    @Override
    public List<Long> appendAll(UUID sessionId, List<ChatMessage> messages) {
        return shared.appendAll(sessionId, messages);
    }

    @Override
    public List<ChatMessage> messages(UUID sessionId) {
        return store.sharedOnly(() -> shared.messages(sessionId));
    }

    @Override
    public List<ChatMessage> messagesAfter(UUID sessionId, long afterSequence) {
        return store.sharedOnly(() -> shared.messagesAfter(sessionId, afterSequence));
    }

    @Override
    public Optional<String> summary(UUID sessionId) {
        return store.sharedOnly(() -> shared.summary(sessionId));
    }

    @Override
    public void saveSummary(UUID sessionId, String summary, long uptoSequence) {
        shared.saveSummary(sessionId, summary, uptoSequence);
    }

    @Override
    public Optional<Long> summaryUpto(UUID sessionId) {
        return store.sharedOnly(() -> shared.summaryUpto(sessionId));
    }

    @Override
    public Optional<ChatSummary> summaryState(UUID sessionId) {
        return store.sharedOnly(() -> shared.summaryState(sessionId));
    }

    /** A proposal waiting for a yes is the shopper's too: the shared database's only. */
    @Override
    public void savePending(UUID sessionId, PendingProposal pending) {
        shared.savePending(sessionId, pending);
    }

    /** Read at the start of a turn, like the history: with the switch's deadline. */
    @Override
    public Optional<PendingProposal> pending(UUID sessionId) {
        return store.sharedOnly(() -> shared.pending(sessionId));
    }

    @Override
    public List<ChatSessionInfo> sessionsOfCustomer(long customerId, int limit) {
        return store.sharedOnly(() -> shared.sessionsOfCustomer(customerId, limit));
    }

    @Override
    public Optional<ChatSessionInfo> session(UUID sessionId) {
        return store.sharedOnly(() -> shared.session(sessionId));
    }

    @Override
    public void setTitle(UUID sessionId, String title) {
        shared.setTitle(sessionId, title);
    }

    @Override
    public void deleteSession(UUID sessionId) {
        shared.deleteSession(sessionId);
    }

    @Override
    public long tokensUsedSince(Long customerId, String guestKey, Instant since) {
        return store.sharedOnly(() -> shared.tokensUsedSince(customerId, guestKey, since));
    }

    @Override
    public int redactOlderThan(Instant before) {
        return shared.redactOlderThan(before);
    }

    @Override
    public int redactCustomer(long customerId) {
        return shared.redactCustomer(customerId);
    }
}
